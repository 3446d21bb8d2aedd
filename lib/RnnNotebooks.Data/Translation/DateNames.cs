namespace RnnNotebooks.Data;

/// <summary>
/// The month and weekday names of one language, full and abbreviated, as CLDR (the data behind .NET's cultures with ICU)
/// writes them. They are written out here rather than read from <c>CultureInfo</c> because the course builds with
/// <c>InvariantGlobalization</c> (every culture then answers with English names), and because ICU's abbreviations change
/// between ICU versions (German March: "Mär" or "März"), which would make the seeded data differ between machines.
/// </summary>
/// <param name="Language">The language's code: "en", "fr", "de", "es".</param>
/// <param name="Months">January .. December, index 0 .. 11.</param>
/// <param name="MonthAbbreviations">The abbreviated months, index 0 .. 11.</param>
/// <param name="Weekdays">Sunday .. Saturday, indexed by <see cref="DayOfWeek"/>.</param>
/// <param name="WeekdayAbbreviations">The abbreviated weekdays, indexed by <see cref="DayOfWeek"/>.</param>
public sealed record DateNames(string Language, string[] Months, string[] MonthAbbreviations, string[] Weekdays, string[] WeekdayAbbreviations)
{
    /// <summary>English (en-GB): January, Jan, Sunday, Sun.</summary>
    public static DateNames English { get; } = new("en",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);

    /// <summary>French (fr-FR): janvier, janv., dimanche, dim.</summary>
    public static DateNames French { get; } = new("fr",
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."]);

    /// <summary>German (de-DE): Januar, Jan., Sonntag, So.</summary>
    public static DateNames German { get; } = new("de",
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."]);

    /// <summary>Spanish (es-ES): enero, ene, domingo, dom.</summary>
    public static DateNames Spanish { get; } = new("es",
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"]);

    /// <summary>The month of <paramref name="date"/>, written out.</summary>
    public string Month(DateOnly date) => Months[date.Month - 1];

    /// <summary>The month of <paramref name="date"/>, abbreviated.</summary>
    public string MonthAbbreviation(DateOnly date) => MonthAbbreviations[date.Month - 1];

    /// <summary>The real weekday of <paramref name="date"/>, written out.</summary>
    public string Weekday(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>The real weekday of <paramref name="date"/>, abbreviated.</summary>
    public string WeekdayAbbreviation(DateOnly date) => WeekdayAbbreviations[(int)date.DayOfWeek];

    /// <summary>
    /// The day as an ordinal the way dates write it: English 1st, 2nd, 3rd, 4th, 11th, 21st; French 1er and then plain
    /// numbers (2 mars); German 3. ; Spanish 1.º and then plain numbers. Written by hand (not Humanizer): these four rules
    /// are all a date needs, and Humanizer's ordinals would bring one more assembly into every notebook.
    /// </summary>
    public string OrdinalDay(DateOnly date) => OrdinalDay(Language, date.Day);

    /// <summary>The ordinal of <paramref name="day"/> in <paramref name="language"/> (see the instance method).</summary>
    public static string OrdinalDay(string language, int day) => language switch
    {
        "en" => day + EnglishSuffix(day),
        "fr" => day == 1 ? "1er" : day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "de" => day + ".",
        "es" => day == 1 ? "1.º" : day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "expected en, fr, de or es"),
    };

    /// <summary>st, nd, rd or th: 1st, 2nd, 3rd, 4th .. 20th, 21st, 22nd, 23rd, 24th .. 31st (11th, 12th, 13th).</summary>
    private static string EnglishSuffix(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };
}
