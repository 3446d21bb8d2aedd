namespace RnnNotebooks.Data;

/// <summary>One way people write a date, e.g. "3rd of March 2021" (en-ordinal-of) or "03.03.2021" (num-dot).</summary>
/// <param name="Name">A short name: its language (or "num") and its form, e.g. "de-weekday".</param>
/// <param name="Example">The form written for 3 March 2021, to show in tables.</param>
/// <param name="Write">Writes a date in this form; the random source picks between variants (e.g. 03 or 3).</param>
public sealed record DateFormat(string Name, string Example, Func<DateOnly, Random, string> Write);
