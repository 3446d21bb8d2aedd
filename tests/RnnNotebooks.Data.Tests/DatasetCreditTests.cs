using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

/// <summary>
/// The credit line each real-data notebook prints beside its results: the dataset's name, its authors with a year, its
/// licence and where it comes from (a stored notebook once printed a description of the constant instead of the credit).
/// </summary>
public sealed class DatasetCreditTests
{
    public static TheoryData<string, string, string, string> Credits => new()
    {
        { Wikigold.Credit, "wikigold", "Balasuriya et al. 2009", "CC BY 4.0" },
        { Tatoeba.Credit, "Tatoeba", "tatoeba.org contributors", "CC BY 2.0 FR" },
        { LabelledSentences.Credit, "Sentiment Labelled Sentences", "Kotzias et al. 2015", "CC BY 4.0" },
        { BachChorales.Credit, "Bach Chorales", "Conklin and Witten 1995", "CC BY 4.0" },
    };

    [Theory]
    [MemberData(nameof(Credits))]
    public void A_credit_names_the_dataset_its_authors_its_licence_and_its_source(string credit, string name, string authors, string licence)
    {
        Assert.Contains(name, credit);
        Assert.Contains(authors, credit);
        Assert.Contains(licence, credit);
        Assert.Matches(@"[a-z0-9-]+\.(org|com|edu)", credit);
    }
}
