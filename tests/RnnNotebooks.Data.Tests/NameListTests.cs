namespace RnnNotebooks.Data.Tests;

/// <summary>The bundled name list is the generator's output; names are normalised to lower-case ASCII letters.</summary>
public sealed class NameListTests
{
    [Fact]
    public void The_bundled_list_is_exactly_what_the_generator_writes()
    {
        Assert.Equal(NameList.Generate(), NameList.Load());
    }

    [Fact]
    public void The_list_is_sorted_distinct_lower_case_letters_from_several_locales()
    {
        var names = NameList.Load();

        Assert.Equal(2858, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z]{3,12}$", n));
    }

    [Theory]
    [InlineData("Zoë", "zoe")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Ørjan", "orjan")]
    [InlineData("Jürgen", "jurgen")]
    [InlineData("Mikhaïl", "mikhail")]
    [InlineData("Ἀλέξανδρος", null)]
    [InlineData("José", "jose")]
    [InlineData("Al", null)]
    [InlineData("Mary-Ann", null)]
    public void Normalise_removes_accents_and_refuses_other_characters(string name, string? expected)
    {
        Assert.Equal(expected, NameList.Normalise(name));
    }
}
