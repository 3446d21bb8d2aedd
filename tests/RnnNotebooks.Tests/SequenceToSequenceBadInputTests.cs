using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Wrong sizes and tokens given to the encoder-decoders are refused with messages that name them.</summary>
public class SequenceToSequenceBadInputTests
{
    [Fact]
    public void An_attention_model_whose_parts_do_not_fit_names_the_sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new AttentionEncoderDecoder(new RecurrentParameters(RecurrentCell.Rnn, 5, 3, 0), new RecurrentParameters(RecurrentCell.Rnn, 5, 3, 0),
            new AdditiveAttention(6, 6, 4), new RecurrentParameters(RecurrentCell.Rnn, 4 + 6, 6, 4), new Matrix(4, 5)));

        Assert.Contains("Wyc (4, 5) = (n_y, n_s)", e.Message);
    }

    [Fact]
    public void A_decoder_input_outside_the_target_vocabulary_is_named_by_step_and_sample()
    {
        var model = AttentionEncoderDecoder.Create(nX: 5, nA: 3, nAtt: 4, nY: 4, seed: 1);
        var x = SequenceBatch.OneHot(5, [[1, 2], [3, 4]]);
        var yIn = SequenceBatch.OneHot(6, [[0, 1], [2, 5]]);
        var y = SequenceTargets.ClassIndices([[0, 1], [2, 3]]);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Loss(x, yIn, y));

        Assert.Contains("yIn<2> (time step t=2) sample 1 is token 5", e.Message);
    }

    [Fact]
    public void An_encoder_decoder_refuses_a_decoder_that_does_not_read_its_own_outputs()
    {
        var e = Assert.Throws<ArgumentException>(() => new EncoderDecoder(new RecurrentParameters(RecurrentCell.Rnn, 5, 3, 0), new RecurrentParameters(RecurrentCell.Rnn, 4, 3, 6)));

        Assert.Contains("decoder (4, 3, 6)", e.Message);
    }

    [Fact]
    public void Sources_and_decoder_inputs_of_different_batch_sizes_are_refused()
    {
        var model = EncoderDecoder.Create(nX: 5, nA: 3, nY: 4, seed: 1);
        var e = Assert.Throws<ArgumentException>(() => model.Loss(SequenceBatch.OneHot(5, [[1, 2]]), SequenceBatch.OneHot(4, [[1]]),
            SequenceTargets.ClassIndices([[1]])));

        Assert.Contains("x (m = 2) and yIn (m = 1)", e.Message);
    }
}
