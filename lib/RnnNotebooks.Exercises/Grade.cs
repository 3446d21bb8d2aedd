namespace RnnNotebooks.Exercises;

/// <summary>
/// The graders of the notebooks' exercises. Each runs the reader's function on small random cases (several shapes,
/// m &gt; 1 columns, a few seeds), compares it with the core library and, for a gradient, with central differences, and
/// returns a <see cref="Verdict"/>. A grader never throws: a body still throwing <see cref="NotImplementedException"/>
/// is "not written yet", any other exception is reported in the verdict's message.
/// </summary>
public static class Grade
{
    /// <summary>Grades one cell step a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) against <see cref="RnnCell.Step(RecurrentParameters, Activation, Matrix, Matrix, Matrix)"/>.</summary>
    public static Verdict CellStep(CellStepFunction step) => Run("cell-step", () => CellStepGrader.Grade(step));

    /// <summary>Grades the forward loop a&lt;1&gt; .. a&lt;T&gt; against <see cref="RecurrentLayer.Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/>, naming the first wrong time step.</summary>
    public static Verdict ForwardLoop(ForwardLoopFunction forward) => Run("forward-loop", () => ForwardLoopGrader.Grade(forward));

    /// <summary>Grades one step of BPTT against <see cref="RecurrentLayer.Backward"/> and central differences.</summary>
    public static Verdict BpttStep(BpttStepFunction backward) => Run("bptt-step", () => BpttStepGrader.Grade(backward));

    /// <summary>Grades dL/dz = softmax(z) - y against <see cref="Losses.Gradient"/> and central differences of the cross-entropy.</summary>
    public static Verdict SoftmaxGradient(SoftmaxGradientFunction gradient) => Run("softmax-gradient", () => SoftmaxGradientGrader.Grade(gradient));

    /// <summary>Grades clipping by global norm against <see cref="GradientClipping.ByGlobalNorm"/>.</summary>
    public static Verdict ClipByGlobalNorm(ClipFunction clip) => Run("clip-by-norm", () => ClipGrader.Grade(clip));

    /// <summary>Grades the embedding's backward step dE against <see cref="Embedding.Backward"/> and central differences, repeated ids included.</summary>
    public static Verdict EmbeddingBackward(EmbeddingBackwardFunction backward) => Run("embedding-backward", () => EmbeddingBackwardGrader.Grade(backward));

    /// <summary>Grades a bidirectional RNN's merge h&lt;t&gt; = [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] against <see cref="BidirectionalRnn.Forward"/>, and its backward split.</summary>
    public static Verdict BiRnnMerge(BiRnnMergeFunction merge, BiRnnSplitFunction split) => Run("birnn-merge", () => BiRnnMergeGrader.Grade(merge, split));

    /// <summary>Grades the masked last-step loss (weight 1/m at each sentence's last step) and its dz&lt;t&gt; against the library and central differences.</summary>
    public static Verdict LastStepLoss(LastStepLossFunction loss) => Run("last-step-loss", () => LastStepLossGrader.Grade(loss));

    /// <summary>Grades one GRU step, forward against <see cref="GruCell"/> and backward against <see cref="RecurrentLayer.Backward"/> and central differences.</summary>
    public static Verdict GruStep(GruForwardFunction forward, GruBackwardFunction backward) => Run("gru-step", () => GruStepGrader.Grade(forward, backward));

    /// <summary>Grades one LSTM step, forward against <see cref="LstmCell"/> and backward against <see cref="RecurrentLayer.Backward"/> and central differences.</summary>
    public static Verdict LstmStep(LstmForwardFunction forward, LstmBackwardFunction backward) => Run("lstm-step", () => LstmStepGrader.Grade(forward, backward));

    /// <summary>Grades one step of additive attention (scores, weights, context) against <see cref="AdditiveAttention.Forward"/>.</summary>
    public static Verdict AttentionStep(AttentionStepFunction attend) => Run("attention-step", () => AttentionStepGrader.Grade(attend));

    /// <summary>Grades one step of beam search, ties included, against <see cref="SequenceSearch.Beam"/>.</summary>
    public static Verdict BeamStep(BeamStepFunction step) => Run("beam-step", () => BeamStepGrader.Grade(step));

    /// <summary>Grades a draw from softmax(z / T) by inverse CDF against <see cref="Sampler.SampleLogits"/> (T = 0: the argmax).</summary>
    public static Verdict TemperatureSample(TemperatureSampleFunction sample) => Run("temperature-sample", () => TemperatureSampleGrader.Grade(sample));

    /// <summary>Grades a CRF's Viterbi decoding against the best of all tag sequences, listed one by one.</summary>
    public static Verdict Viterbi(ViterbiFunction viterbi) => Run("viterbi", () => ViterbiGrader.Grade(viterbi));

    private static Verdict Run(string exercise, Func<(bool Passed, string Message)> grade)
    {
        try
        {
            var (passed, message) = grade();
            return new Verdict(exercise, passed, message);
        }
        catch (NotImplementedException)
        {
            return Verdict.NotWrittenYet(exercise);
        }
        catch (ReaderFailure e)
        {
            return new Verdict(exercise, false, e.Message);
        }
        catch (Exception e)
        {
            return new Verdict(exercise, false, $"the grader could not check it: {e.GetType().Name}: {e.Message}");
        }
    }
}
