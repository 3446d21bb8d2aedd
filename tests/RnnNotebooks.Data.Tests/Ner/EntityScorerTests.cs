using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class EntityScorerTests
{
    [Fact]
    public void Two_of_three_entities_exact_gives_two_thirds()
    {
        // gold:      [PER Ada Lovelace] met [PER Charles Babbage] in [LOC London]      -> 3 gold
        // predicted: [PER Ada Lovelace] met [PER Charles] Babbage in [LOC London]      -> 3 predicted
        // exact: Ada Lovelace, London = 2; "Charles" alone has the wrong boundary.  P = R = F1 = 2/3.
        string[] gold = ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC"];
        string[] predicted = ["B-PER", "I-PER", "O", "B-PER", "O", "O", "B-LOC"];

        var scores = EntityScorer.Score([gold], [predicted]);

        Assert.Equal(new EntityCounts(2, 3, 3), scores.Micro);
        Assert.Equal(2.0 / 3, scores.Micro.Precision, 12);
        Assert.Equal(2.0 / 3, scores.Micro.Recall, 12);
        Assert.Equal(2.0 / 3, scores.Micro.F1, 12);
        Assert.Equal(6.0 / 7, scores.TokenAccuracy, 12);
        Assert.Equal(new EntityCounts(1, 2, 2), scores.PerType["PER"]);
        Assert.Equal(new EntityCounts(1, 1, 1), scores.PerType["LOC"]);
    }

    [Fact]
    public void A_wrong_type_and_a_wrong_boundary_count_against_both_types_and_an_extra_entity_against_precision()
    {
        // sentence 1 gold: [ORG Bank of England] raised rates .            (ORG 1)
        //      predicted: [LOC Bank] of [LOC England] raised rates .        (LOC 2 predicted, 0 right)
        // sentence 2 gold: [MISC French] voters met [PER Macron] .          (MISC 1, PER 1)
        //      predicted: [MISC French] [MISC voters] met [PER Macron] .   (MISC 2 predicted, 1 right; PER 1 of 1)
        // gold 3, predicted 5, correct 2: P = 2/5, R = 2/3, F1 = 2PR/(P+R) = (8/15)/(16/15) = 1/2.
        // ORG: 0/0/1 -> P = R = F1 = 0. LOC: 0/2/0. MISC: 1/2/1 -> P = 1/2, R = 1, F1 = 2/3. PER: 1/1/1 -> 1.
        // tokens: sentence 1 right: raised, rates, . = 3 of 6 (Bank, of, England wrong);
        //         sentence 2 right: French, met, Macron, . = 4 of 5 (voters O vs B-MISC). 7 of 11.
        string[][] gold = [["B-ORG", "I-ORG", "I-ORG", "O", "O", "O"], ["B-MISC", "O", "O", "B-PER", "O"]];
        string[][] predicted = [["B-LOC", "O", "B-LOC", "O", "O", "O"], ["B-MISC", "B-MISC", "O", "B-PER", "O"]];

        var scores = EntityScorer.Score(gold, predicted);

        Assert.Equal(new EntityCounts(2, 5, 3), scores.Micro);
        Assert.Equal(0.4, scores.Micro.Precision, 12);
        Assert.Equal(0.5, scores.Micro.F1, 12);
        Assert.Equal(new EntityCounts(0, 0, 1), scores.PerType["ORG"]);
        Assert.Equal(0, scores.PerType["ORG"].F1);
        Assert.Equal(new EntityCounts(0, 2, 0), scores.PerType["LOC"]);
        Assert.Equal(2.0 / 3, scores.PerType["MISC"].F1, 12);
        Assert.Equal(1, scores.PerType["PER"].F1);
        Assert.Equal(7.0 / 11, scores.TokenAccuracy, 12);
    }

    [Fact]
    public void Sentences_of_other_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EntityScorer.Score([["O", "O"]], [["O"]]));
        Assert.Throws<ArgumentException>(() => EntityScorer.Score([["O"]], []));
    }
}
