using System.Globalization;

namespace RnnNotebooks.Data;

/// <summary>
/// The forms of a date the generator writes: spelled-out and abbreviated months, real weekdays, ordinals, in English,
/// French, German and Spanish, and numeric forms with '/', '.' and '-'. Numeric forms are day first (as in French, German,
/// Spanish and British English) or year first; the American month-first form is left out because 03/04/2021 would then
/// have two answers.
/// </summary>
public static class DateFormats
{
    private static readonly DateNames En = DateNames.English, Fr = DateNames.French, De = DateNames.German, Es = DateNames.Spanish;

    /// <summary>The forms training sees (and the in-range test and unseen-years parts of the held-out split).</summary>
    public static IReadOnlyList<DateFormat> Training { get; } =
    [
        new("en-month-day", "March 3, 2021", (d, _) => $"{En.Month(d)} {d.Day}, {d.Year}"),
        new("en-day-month", "3 March 2021", (d, _) => $"{d.Day} {En.Month(d)} {d.Year}"),
        new("en-ordinal-of", "3rd of March 2021", (d, r) => $"{Maybe(r, "the ")}{En.OrdinalDay(d)} of {En.Month(d)}{Maybe(r, ",")} {d.Year}"),
        new("en-month-ordinal", "March 3rd, 2021", (d, _) => $"{En.Month(d)} {En.OrdinalDay(d)}, {d.Year}"),
        new("en-abbreviated", "Mar 3, 2021", (d, r) => r.Next(2) == 0 ? $"{En.MonthAbbreviation(d)} {d.Day}, {d.Year}" : $"{d.Day} {En.MonthAbbreviation(d)} {d.Year}"),
        new("en-weekday", "Wednesday, March 3, 2021", (d, r) => r.Next(2) == 0
            ? $"{En.Weekday(d)}, {En.Month(d)} {d.Day}, {d.Year}" : $"{En.Weekday(d)} {d.Day} {En.Month(d)} {d.Year}"),
        new("en-weekday-abbreviated", "Wed 3 Mar 2021", (d, _) => $"{En.WeekdayAbbreviation(d)} {d.Day} {En.MonthAbbreviation(d)} {d.Year}"),
        new("fr-long", "3 mars 2021", (d, r) => $"{Maybe(r, "le ")}{Fr.OrdinalDay(d)} {Fr.Month(d)} {d.Year}"),
        new("fr-weekday", "mercredi 3 mars 2021", (d, _) => $"{Fr.Weekday(d)} {Fr.OrdinalDay(d)} {Fr.Month(d)} {d.Year}"),
        new("fr-abbreviated", "3 mars 2021", (d, _) => $"{Fr.OrdinalDay(d)} {Fr.MonthAbbreviation(d)} {d.Year}"),
        new("de-long", "3. März 2021", (d, r) => $"{Maybe(r, "am ")}{De.OrdinalDay(d)} {De.Month(d)} {d.Year}"),
        new("de-weekday", "Mittwoch, 3. März 2021", (d, _) => $"{De.Weekday(d)}, {De.OrdinalDay(d)} {De.Month(d)} {d.Year}"),
        new("de-abbreviated", "3. März 2021", (d, _) => $"{De.OrdinalDay(d)} {De.MonthAbbreviation(d)} {d.Year}"),
        new("es-long", "3 de marzo de 2021", (d, r) => $"{Maybe(r, "el ")}{(r.Next(2) == 0 ? Es.OrdinalDay(d) : Day(d))} de {Es.Month(d)} de {d.Year}"),
        new("es-weekday", "miércoles, 3 de marzo de 2021", (d, _) => $"{Es.Weekday(d)}, {d.Day} de {Es.Month(d)} de {d.Year}"),
        new("es-abbreviated", "3-mar-2021", (d, _) => $"{d.Day}-{Es.MonthAbbreviation(d)}-{d.Year}"),
        new("num-slash", "03/03/2021", (d, r) => $"{Day(d, r)}/{MonthNumber(d, r)}/{d.Year}"),
        new("num-dot", "03.03.2021", (d, r) => $"{Day(d, r)}.{MonthNumber(d, r)}.{d.Year}"),
        new("num-dash", "03-03-2021", (d, r) => $"{Day(d, r)}-{MonthNumber(d, r)}-{d.Year}"),
        new("num-iso", "2021-03-03", (d, _) => DatePair.Iso(d)),
    ];

    /// <summary>
    /// Forms never seen in training, each made of pieces training has seen (a weekday with an ordinal, an abbreviated
    /// weekday in French or German, the year first with '/'): the unseen-formats part of the held-out split.
    /// </summary>
    public static IReadOnlyList<DateFormat> HeldOut { get; } =
    [
        new("en-weekday-ordinal", "Wednesday the 3rd of March 2021", (d, _) => $"{En.Weekday(d)} the {En.OrdinalDay(d)} of {En.Month(d)} {d.Year}"),
        new("fr-weekday-abbreviated", "mer. 3 mars 2021", (d, _) => $"{Fr.WeekdayAbbreviation(d)} {Fr.OrdinalDay(d)} {Fr.MonthAbbreviation(d)} {d.Year}"),
        new("de-weekday-abbreviated", "Mi., 3. März 2021", (d, _) => $"{De.WeekdayAbbreviation(d)}, {De.OrdinalDay(d)} {De.MonthAbbreviation(d)} {d.Year}"),
        new("num-year-slash", "2021/03/03", (d, _) => $"{d.Year}/{d.Month:00}/{d.Day:00}"),
    ];

    /// <summary>The day, plain: 3.</summary>
    private static string Day(DateOnly d) => d.Day.ToString(CultureInfo.InvariantCulture);

    /// <summary>The day, as 03 or 3 (half each).</summary>
    private static string Day(DateOnly d, Random r) => r.Next(2) == 0 ? d.Day.ToString("00", CultureInfo.InvariantCulture) : Day(d);

    /// <summary>The month's number, as 03 or 3 (half each).</summary>
    private static string MonthNumber(DateOnly d, Random r) =>
        r.Next(2) == 0 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> half the time, else "".</summary>
    private static string Maybe(Random r, string text) => r.Next(2) == 0 ? text : "";
}
