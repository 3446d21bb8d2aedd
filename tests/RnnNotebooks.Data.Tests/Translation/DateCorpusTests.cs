using System.Globalization;
using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Translation;

public sealed class DateCorpusTests
{
    private static readonly DateSplits Splits = DateCorpus.Generate(train: 3000, heldOut: 300, seed: 7);

    [Theory]
    [InlineData("en", 1, "1st")]
    [InlineData("en", 2, "2nd")]
    [InlineData("en", 3, "3rd")]
    [InlineData("en", 4, "4th")]
    [InlineData("en", 11, "11th")]
    [InlineData("en", 12, "12th")]
    [InlineData("en", 13, "13th")]
    [InlineData("en", 21, "21st")]
    [InlineData("en", 22, "22nd")]
    [InlineData("en", 23, "23rd")]
    [InlineData("en", 31, "31st")]
    [InlineData("fr", 1, "1er")]
    [InlineData("fr", 2, "2")]
    [InlineData("de", 3, "3.")]
    [InlineData("es", 1, "1.º")]
    public void Days_are_written_as_ordinals_the_way_each_language_writes_them_in_dates(string language, int day, string expected) =>
        Assert.Equal(expected, DateNames.OrdinalDay(language, day));

    [Fact]
    public void Every_form_writes_3_march_2021_as_its_example_shows()
    {
        // The forms that choose between variants at random (03 or 3, "the " or not) are checked for one of them.
        var date = new DateOnly(2021, 3, 3);
        foreach (var format in DateFormats.Training.Concat(DateFormats.HeldOut))
        {
            var written = Enumerable.Range(0, 40).Select(seed => format.Write(date, new Random(seed))).ToHashSet();
            Assert.True(written.Contains(format.Example), $"{format.Name}: never wrote '{format.Example}' (wrote {string.Join(" | ", written)})");
        }
    }

    [Fact]
    public void A_weekday_in_a_source_is_the_real_weekday_of_its_date()
    {
        var names = new[] { DateNames.English, DateNames.French, DateNames.German, DateNames.Spanish };
        var withWeekday = Splits.Train.Concat(Splits.UnseenFormats).Where(p => p.Format.Contains("weekday", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withWeekday);
        foreach (var pair in withWeekday)
        {
            var date = DateOnly.ParseExact(pair.Target, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var language = names.Single(n => n.Language == pair.Format[..2]);
            Assert.True(pair.Source.StartsWith(language.Weekday(date), StringComparison.Ordinal) || pair.Source.StartsWith(language.WeekdayAbbreviation(date), StringComparison.Ordinal),
                $"{pair.Source} -> {pair.Target}: not {date.DayOfWeek}");
        }
    }

    [Fact]
    public void The_held_out_parts_are_what_they_say_and_share_no_source_with_training()
    {
        var trainSources = Splits.Train.Select(p => p.Source).ToHashSet();
        int Year(DatePair p) => int.Parse(p.Target[..4], CultureInfo.InvariantCulture);
        var heldOutFormats = DateFormats.HeldOut.Select(f => f.Name).ToHashSet();

        Assert.Equal((3000, 300, 300, 300), (Splits.Train.Count, Splits.Test.Count, Splits.UnseenYears.Count, Splits.UnseenFormats.Count));
        Assert.All(Splits.Test.Concat(Splits.UnseenYears).Concat(Splits.UnseenFormats), p => Assert.DoesNotContain(p.Source, trainSources));
        bool Unseen(int year) => year is >= 1900 and <= 1929 or >= 2050 and <= 2079;
        Assert.All(Splits.Train.Concat(Splits.Test).Concat(Splits.UnseenFormats), p => Assert.True(Year(p) is >= 1600 and <= 2199 && !Unseen(Year(p)), p.ToString()));
        Assert.All(Splits.UnseenYears, p => Assert.True(Unseen(Year(p)), p.ToString()));
        Assert.Contains(Splits.Train, p => Year(p) < 1900);   // years before and after the unseen stretches, so a year must be copied
        Assert.Contains(Splits.Train, p => Year(p) > 2079);
        Assert.All(Splits.Train.Concat(Splits.Test).Concat(Splits.UnseenYears), p => Assert.DoesNotContain(p.Format, heldOutFormats));
        Assert.All(Splits.UnseenFormats, p => Assert.Contains(p.Format, heldOutFormats));
    }

    [Fact]
    public void The_same_seed_gives_the_same_pairs_and_another_seed_others()
    {
        Assert.Equal(Splits.Train, DateCorpus.Generate(train: 3000, heldOut: 300, seed: 7).Train);
        Assert.NotEqual(Splits.Train, DateCorpus.Generate(train: 3000, heldOut: 300, seed: 8).Train);
    }
}
