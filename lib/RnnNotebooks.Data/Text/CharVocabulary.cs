using System.Globalization;
using System.Text;

namespace RnnNotebooks.Data;

/// <summary>
/// The characters a character-level model reads and writes, each with an index in [0, n_x): x&lt;t&gt; is the
/// one-hot vector of the index of the t-th character, and n_x = n_y = <see cref="Size"/>.
/// </summary>
public sealed class CharVocabulary
{
    private readonly char[] characters;
    private readonly Dictionary<char, int> index;

    /// <summary>A vocabulary of the given characters, indexed in the order given.</summary>
    /// <param name="characters">Distinct characters; at least one.</param>
    public CharVocabulary(IEnumerable<char> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        this.characters = characters.ToArray();
        if (this.characters.Length == 0)
        {
            throw new ArgumentException("a vocabulary needs at least one character.", nameof(characters));
        }
        index = new Dictionary<char, int>(this.characters.Length);
        for (int i = 0; i < this.characters.Length; i++)
        {
            if (!index.TryAdd(this.characters[i], i))
            {
                throw new ArgumentException(
                    $"characters[{i}] is {Show(this.characters[i])}, already at index {index[this.characters[i]]}; each character may appear once.",
                    nameof(characters));
            }
        }
    }

    /// <summary>The distinct characters of <paramref name="text"/>, sorted by code point.</summary>
    public static CharVocabulary FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("text is empty; a vocabulary needs at least one character.", nameof(text));
        }
        return new CharVocabulary(text.Distinct().Order());
    }

    /// <summary>n_x (= n_y for a next-character model): the number of characters.</summary>
    public int Size => characters.Length;

    /// <summary>The characters, in index order.</summary>
    public IReadOnlyList<char> Characters => characters;

    /// <summary>True when <paramref name="c"/> has an index.</summary>
    public bool Contains(char c) => index.ContainsKey(c);

    /// <summary>The index of <paramref name="c"/>.</summary>
    /// <exception cref="UnknownCharacterException"><paramref name="c"/> is not in the vocabulary.</exception>
    public int IndexOf(char c) => index.TryGetValue(c, out int i) ? i : throw Unknown(c, 0, 1);

    /// <summary>The character at <paramref name="i"/>, in [0, <see cref="Size"/>).</summary>
    public char CharAt(int i) => (uint)i < (uint)characters.Length
        ? characters[i]
        : throw new ArgumentOutOfRangeException(nameof(i), i, $"index {i} is not in [0, n_x) = [0, {Size}).");

    /// <summary>The index of every character of <paramref name="text"/>: the token ids of x&lt;1&gt; .. x&lt;T&gt;.</summary>
    /// <exception cref="UnknownCharacterException">A character is not in the vocabulary; the message names it and its position.</exception>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            ids[i] = index.TryGetValue(text[i], out int id) ? id : throw Unknown(text[i], i, text.Length);
        }
        return ids;
    }

    /// <summary>The characters of the given indices, as a string.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new StringBuilder();
        int position = 0;
        foreach (int id in ids)
        {
            if ((uint)id >= (uint)characters.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"ids[{position}] is {id}; expected an index in [0, n_x) = [0, {Size}).");
            }
            text.Append(characters[id]);
            position++;
        }
        return text.ToString();
    }

    /// <summary>The size and the characters, e.g. <c>CharVocabulary (n_x = 3): ' ' '.' 'a'</c>.</summary>
    public override string ToString() =>
        $"CharVocabulary (n_x = {Size}): {string.Join(" ", characters.Select(Quote))}";

    private UnknownCharacterException Unknown(char c, int position, int length) =>
        new(c, position,
            $"text[{position}] (of {length}) is {Show(c)}, which is not in this vocabulary of {Size} characters " +
            $"({string.Concat(characters.Select(ch => char.IsControl(ch) ? ' ' : ch))}). " +
            "Build the vocabulary from a text that holds it, or clean the text first (e.g. lowercase it).");

    /// <summary>'a', or U+000A for a character that does not print.</summary>
    private static string Quote(char c) => char.IsControl(c) || char.IsWhiteSpace(c) && c != ' ' ? CodePoint(c) : $"'{c}'";

    /// <summary>'a' (U+0061), for error messages.</summary>
    private static string Show(char c) => char.IsControl(c) || char.IsWhiteSpace(c) && c != ' ' ? CodePoint(c) : $"'{c}' ({CodePoint(c)})";

    private static string CodePoint(char c) => $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}";
}
