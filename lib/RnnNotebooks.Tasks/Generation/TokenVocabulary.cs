namespace RnnNotebooks.Tasks;

/// <summary>
/// The tokens a generative model reads and writes, each with an id in [0, n_x): id 0 is the boundary token
/// <see cref="Boundary"/>, which is x&lt;1&gt; (the start) and the target after the last token (the end).
/// </summary>
public sealed class TokenVocabulary
{
    /// <summary>The boundary token's text: start and end of a sequence.</summary>
    public const string Boundary = "<s>";

    private readonly string[] tokens;
    private readonly Dictionary<string, int> ids;

    /// <summary>A vocabulary of <see cref="Boundary"/> (id 0) followed by <paramref name="tokens"/> in the order given.</summary>
    /// <param name="tokens">Distinct tokens, none of them the boundary.</param>
    public TokenVocabulary(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        this.tokens = [Boundary, .. tokens];
        ids = new Dictionary<string, int>(this.tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < this.tokens.Length; i++)
        {
            if (!ids.TryAdd(this.tokens[i], i))
            {
                throw new ArgumentException($"the token '{this.tokens[i]}' appears twice (ids {ids[this.tokens[i]]} and {i}).", nameof(tokens));
            }
        }
    }

    /// <summary>The letters of <paramref name="words"/>, sorted, one token each.</summary>
    public static TokenVocabulary Characters(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new TokenVocabulary(words.SelectMany(w => w).Distinct().Order().Select(c => c.ToString()));
    }

    /// <summary>n_x = n_y: the number of tokens, the boundary included.</summary>
    public int Count => tokens.Length;

    /// <summary>The tokens by id.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The text of token <paramref name="id"/>.</summary>
    public string this[int id] => tokens[id];

    /// <summary>The id of a token.</summary>
    /// <exception cref="ArgumentException">The token is not in the vocabulary (the message names it).</exception>
    public int IdOf(string token) =>
        ids.TryGetValue(token, out int id) ? id : throw new ArgumentException($"'{token}' is not in the vocabulary of {Count} tokens.", nameof(token));

    /// <summary>The ids of a word's characters.</summary>
    public int[] EncodeCharacters(string word) => word.Select(c => IdOf(c.ToString())).ToArray();

    /// <summary>The text of ids, joined.</summary>
    public string Decode(IEnumerable<int> sequence, string separator = "") => string.Join(separator, sequence.Select(id => tokens[id]));
}
