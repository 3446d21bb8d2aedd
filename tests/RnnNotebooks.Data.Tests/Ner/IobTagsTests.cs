using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class IobTagsTests
{
    [Fact]
    public void Spans_follow_conlleval_an_i_tag_that_does_not_continue_its_type_starts_an_entity()
    {
        // tokens 0..7: B-PER I-PER | I-LOC (after PER: new LOC) | O | I-ORG (after O: new ORG) I-ORG | B-ORG (new ORG) | I-MISC
        string[] tags = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "I-ORG", "B-ORG", "I-MISC"];

        Assert.Equal(
            [new EntitySpan("PER", 0, 2), new EntitySpan("LOC", 2, 3), new EntitySpan("ORG", 4, 6), new EntitySpan("ORG", 6, 7), new EntitySpan("MISC", 7, 8)],
            IobTags.Spans(tags));
        Assert.Equal(["B-PER", "I-PER", "B-LOC", "O", "B-ORG", "I-ORG", "B-ORG", "B-MISC"], IobTags.ToIob2(tags));
    }

    [Fact]
    public void Converting_iob2_again_changes_nothing()
    {
        string[] iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC"];

        Assert.Equal(iob2, IobTags.ToIob2(iob2));
    }

    [Fact]
    public void The_tag_set_is_o_and_b_i_of_the_four_types()
    {
        Assert.Equal(9, IobTags.All.Count);
        Assert.True(IobTags.IsKnown("I-MISC"));
        Assert.False(IobTags.IsKnown("B-GPE"));
        Assert.Throws<ArgumentException>(() => IobTags.TypeOf("PER"));
    }
}
