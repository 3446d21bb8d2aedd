namespace RnnNotebooks.Tasks;

/// <summary>How a token is capitalised: one of the word-form features of <see cref="WordFeatures"/>.</summary>
public enum CapitalisationPattern
{
    /// <summary>No letter at all: punctuation, a number ("1998", ",").</summary>
    NoLetters,

    /// <summary>Every letter lower case ("the", "apple").</summary>
    Lower,

    /// <summary>The first letter upper case, and any other upper-case letter starts a part after a non-letter ("Paris", "I", "Jr.", "Rolls-Royce").</summary>
    Initial,

    /// <summary>Two or more letters, all upper case ("NASA", "U.S.").</summary>
    AllCaps,

    /// <summary>Anything else with an upper-case letter: one right after a letter, or a lower-case start ("McDonald", "iPhone", "eBay").</summary>
    Mixed,
}
