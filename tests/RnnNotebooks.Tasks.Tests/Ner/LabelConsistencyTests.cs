using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class LabelConsistencyTests
{
    private static NerSentence S(string text) => new(text.Split(' '), text.Split(' ').Select(_ => "O").ToArray());

    private static string[] T(string tags) => tags.Split(' ');

    [Fact]
    public void A_mention_takes_the_majority_type_of_its_string_in_its_own_document_only()
    {
        var band = new NerDocument([S("Weather Report played ."), S("Weather Report toured Japan ."), S("The band Weather Report split ."), S("Paris met Paris")]);
        var other = new NerDocument([S("Weather Report sang .")]);
        var sentences = NerSplits.SentencesOf([band, other]).Append(S("Weather Report left")).ToList(); // the last alone
        IReadOnlyList<string>[] predicted =
        [
            T("B-PER I-PER O O"), T("B-ORG I-ORG O B-LOC O"), T("O O B-ORG I-ORG O O"), T("B-LOC O B-PER"),
            T("B-PER I-PER O O"),
            T("B-MISC I-MISC O"),
        ];

        var consistent = LabelConsistency.Apply(sentences, predicted);

        Assert.Equal(T("B-ORG I-ORG O O"), consistent[0]);      // 2 ORG against 1 PER in its article
        Assert.Equal(predicted[1], consistent[1]);
        Assert.Equal(predicted[2], consistent[2]);
        Assert.Equal(predicted[3], consistent[3]);              // Paris: LOC once, PER once, a tie keeps each
        Assert.Equal(predicted[4], consistent[4]);              // another article: its only mention is PER
        Assert.Equal(predicted[5], consistent[5]);              // a sentence without a document is its own
    }

    [Fact]
    public void Spans_stay_where_they_are_and_mismatched_input_is_named()
    {
        var document = new NerDocument([S("Acme Corp hired Acme ."), S("Acme grew .")]);
        var sentences = NerSplits.SentencesOf([document]);

        var consistent = LabelConsistency.Apply(sentences, [T("B-ORG I-ORG O B-PER O"), T("B-PER O O")]);

        Assert.Equal(T("B-ORG I-ORG O B-PER O"), consistent[0]); // "Acme Corp" and "Acme" are different strings
        Assert.Equal(T("B-PER O O"), consistent[1]);
        var error = Assert.Throws<ArgumentException>(() => LabelConsistency.Apply(sentences, [T("O O O O O"), T("O O")]));
        Assert.Contains("sentence 1 has 3 tokens but 2", error.Message);
        Assert.Throws<ArgumentException>(() => LabelConsistency.Apply(sentences, [T("O O O O O")]));
    }

    [Fact]
    public void Propagation_tags_the_untagged_capitalised_occurrences_of_a_mentioned_string()
    {
        var document = new NerDocument([S("Tangerine Dream formed in Berlin ."), S("Tangerine Dream and Berlin and berlin ."), S("In Berlin , Tangerine played .")]);
        var sentences = NerSplits.SentencesOf([document]);
        IReadOnlyList<string>[] predicted = [T("B-ORG I-ORG O O B-LOC O"), T("O O O O O O O"), T("O B-LOC O B-PER O O")];

        var alone = LabelConsistency.Apply(sentences, predicted);
        var propagated = LabelConsistency.Apply(sentences, predicted, propagate: true);

        Assert.Equal(predicted[1], alone[1]);
        Assert.Equal(T("B-ORG I-ORG O B-LOC O O O"), propagated[1]); // lower-case "berlin" is no mention's string as written
        Assert.Equal(predicted[0], propagated[0]);
        Assert.Equal(predicted[2], propagated[2]);                    // "Tangerine" alone is its own string (PER), already tagged
    }
}
