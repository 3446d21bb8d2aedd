namespace RnnNotebooks.Data;

/// <summary>A date as someone wrote it and the same date in ISO 8601.</summary>
/// <param name="Source">The date as written, e.g. "mercredi 3 mars 2021".</param>
/// <param name="Target">yyyy-mm-dd, e.g. "2021-03-03".</param>
/// <param name="Format">The name of the <see cref="DateFormat"/> that wrote it.</param>
public sealed record DatePair(string Source, string Target, string Format)
{
    /// <summary>The ISO 8601 form of a date: yyyy-mm-dd.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
