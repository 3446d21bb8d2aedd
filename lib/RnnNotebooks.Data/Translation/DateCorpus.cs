namespace RnnNotebooks.Data;

/// <summary>
/// Generates pairs (a date as people write it, the date as yyyy-mm-dd) with a seed: the same seed gives the same pairs.
/// Dates are drawn uniformly from a range of years, a form uniformly from the form list.
/// </summary>
public static class DateCorpus
{
    /// <summary>
    /// The years training dates come from: 1600 .. 2199 but for the two stretches of <see cref="UnseenYearRanges"/>, so a
    /// model learns to copy the year it reads (14 July 1789 -> 1789-07-14), not to write the 19xx or 20xx it saw most.
    /// </summary>
    public static IReadOnlyList<(int First, int Last)> TrainingYears { get; } = [(1600, 1899), (1930, 2049), (2080, 2199)];

    /// <summary>The years of the unseen-years part: 1900 .. 1929 and 2050 .. 2079, which training never sees.</summary>
    public static IReadOnlyList<(int First, int Last)> UnseenYearRanges { get; } = [(1900, 1929), (2050, 2079)];

    /// <summary>Training pairs and the three held-out parts; no held-out source string occurs in training.</summary>
    /// <param name="train">How many training pairs.</param>
    /// <param name="heldOut">How many pairs in each held-out part.</param>
    /// <param name="seed">Random seed.</param>
    public static DateSplits Generate(int train = 12000, int heldOut = 500, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heldOut);
        var random = new Random(seed);
        var trainPairs = Pairs(random, train, DateFormats.Training, TrainingYears, new HashSet<string>());
        var seen = trainPairs.Select(p => p.Source).ToHashSet();
        var test = Pairs(random, heldOut, DateFormats.Training, TrainingYears, seen);
        var years = Pairs(random, heldOut, DateFormats.Training, UnseenYearRanges, seen);
        var formats = Pairs(random, heldOut, DateFormats.HeldOut, TrainingYears, seen);
        return new DateSplits(trainPairs, test, years, formats);
    }

    /// <summary>One pair: a random date in one of the year ranges, written in a random form.</summary>
    /// <param name="random">The random source.</param>
    /// <param name="formats">The forms to draw from.</param>
    /// <param name="years">Ranges of years, drawn in proportion to their length.</param>
    public static DatePair Next(Random random, IReadOnlyList<DateFormat> formats, IReadOnlyList<(int First, int Last)> years)
    {
        ArgumentNullException.ThrowIfNull(random);
        var date = RandomDate(random, years);
        var format = formats[random.Next(formats.Count)];
        return new DatePair(format.Write(date, random), DatePair.Iso(date), format.Name);
    }

    /// <summary><paramref name="count"/> distinct pairs whose sources are not in <paramref name="exclude"/> (which they join).</summary>
    private static List<DatePair> Pairs(Random random, int count, IReadOnlyList<DateFormat> formats, IReadOnlyList<(int First, int Last)> years,
        HashSet<string> exclude)
    {
        var pairs = new List<DatePair>(count);
        while (pairs.Count < count)
        {
            var pair = Next(random, formats, years);
            if (exclude.Add(pair.Source))
            {
                pairs.Add(pair);
            }
        }
        return pairs;
    }

    private static DateOnly RandomDate(Random random, IReadOnlyList<(int First, int Last)> years)
    {
        int total = years.Sum(r => r.Last - r.First + 1);
        int k = random.Next(total);
        int year = years[0].First;
        foreach (var (first, last) in years)
        {
            if (k <= last - first)
            {
                year = first + k;
                break;
            }
            k -= last - first + 1;
        }
        var start = new DateOnly(year, 1, 1);
        return start.AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
    }
}
