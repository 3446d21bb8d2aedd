// 05-many-to-many-translation.cs: notebooks/05-many-to-many-translation.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/05-many-to-many-translation.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj
#:project ../../lib/RnnNotebooks.Tasks/RnnNotebooks.Tasks.csproj
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Plots;
using RnnNotebooks.Tasks;
using RnnNotebooks.Exercises;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 05 · Many-to-many, $T_x \neq T_y$: an encoder-decoder that translates, then attention and beam search
//
// The note's second many-to-many RNN reads the **whole** input, $T_x$ steps, and only then writes an output of another
// length, $T_y$ steps: machine translation. *mercredi 3 mars 2021* has 20 characters, its ISO form *2021-03-03* has 10;
// *I'm shy.* has 4 words, *Je suis timide.* also 4, but *Go home.* becomes *Rentre à la maison.*
//
// In this notebook you will:
//
// 1. generate dates as people write them in English, French, German and Spanish (spelled-out and abbreviated months,
//    real weekdays, ordinals such as *3rd of February*, *1er mars*, *3. Februar*, numeric forms with `/`, `.`, `-`),
//    to be rewritten as `yyyy-mm-dd`, with a held-out split of unseen years and unseen forms;
// 2. build the **encoder-decoder** from the core's RNN: an encoder reads $x^{\langle 1 \rangle} \dots x^{\langle T_x \rangle}$,
//    its last state starts a decoder that writes $\hat{y}^{\langle 1 \rangle} \dots \hat{y}^{\langle T_y \rangle}$ up to an
//    end token; train it with teacher forcing and BPTT through both;
// 3. see its **bottleneck**: one vector of $n_a$ numbers must carry the whole input;
// 4. add **attention** (Bahdanau): a context vector per output step, a heatmap of where the decoder looks;
// 5. decode greedily and with **beam search**, and score exact match and per-character accuracy on held-out dates;
// 6. translate real English sentences into French (Tatoeba): split words into **subwords** by byte-pair encoding, so
//    that no word is unknown, train the attention model with GRU cells on them, and score it with **BLEU**;
// 7. save both models for `rnnbook predict dates` and `rnnbook predict translate`;
// 8. go from additive attention to **self-attention**, drawn on the date model's own encoder states.
//
// It trains three models (about a minute on a quiet 2-core machine with the Tatoeba pairs, 40 to 50 seconds without
// them; progress printed per epoch) and checks at its end that it ran in under 2 minutes. Set `longer = true` below to train longer on more data (several minutes).

// ## The libraries
//
// The core (`RnnNotebooks`: the RNN, the encoder-decoders, attention, beam search, Adam), the datasets
// (`RnnNotebooks.Data`: the date generator, the Tatoeba reader, BLEU), the charts (`RnnNotebooks.Plots`) and the translator
// built from those pieces (`RnnNotebooks.Tasks`), and the grader of this notebook's exercise (`RnnNotebooks.Exercises`).

var clock = System.Diagnostics.Stopwatch.StartNew();
var longer = false; // true: more dates, more epochs, larger models (several minutes)

// ## 1. Dates as people write them
//
// The generator draws a date and a form, both uniformly, with a seed. Month and weekday names are CLDR's (what .NET's
// cultures give with ICU), written out in `DateNames` so the data is the same on every machine; a weekday is always the
// real weekday of its date. Numeric forms put the day first (as French, German, Spanish and British English do) or the
// year first; the American month-first form is left out, since *03/04/2021* would have two answers.
//
// These are the forms training sees, with how each writes 3 March 2021:

NotebookScript.Show(Tables.FromRecords(DateFormats.Training.Select(f => new { Form = f.Name, Example = f.Example })));

// Training years run from 1600 to 2199, so a model must learn to copy the year it reads rather than to write the 19xx or
// 20xx it sees most; two stretches are left out for the held-out split, which has three parts, each
// scored on its own so you can see what generalises:
//
// * **test**: the training forms and years, but dates written in a way training never saw;
// * **unseen years**: the training forms, years 1900-1929 and 2050-2079, which training never sees;
// * **unseen forms**: four forms training never saw, each made of pieces it did see (below), years as in training.

var dates = DateCorpus.Generate(train: longer ? 30000 : 12000, heldOut: 500, seed: 1);
Report("date training pairs", dates.Train.Count);
display(Tables.FromRecords(DateFormats.HeldOut.Select(f => new { UnseenForm = f.Name, Example = f.Example })));
NotebookScript.Show(Tables.FromRecords(dates.Train.Take(8).Select(p => new { Input = p.Source, Output = p.Target, Form = p.Format })));

// ## 2. Characters in, characters out
//
// Each character is a token: $x^{\langle t' \rangle}$ is the one-hot vector of the $t'$-th character of the input, and the
// decoder writes one character of `yyyy-mm-dd` per step. Both vocabularies start with four special tokens: `<pad>`,
// `<unk>` (any character training never saw, such as `☃`, so every input can be read), `<s>` (what the decoder reads
// before its first step) and `</s>` (the end: the encoder reads it after the input, the decoder writes it after the output).

var datePairs = dates.Train.Select(p => (p.Source, p.Target)).ToList();
var charVocabulary = TranslationVocabulary.Build(datePairs.Select(p => p.Source), TokenLevel.Characters);
Report("input characters n_x", charVocabulary.Count);
Report("output characters n_y", TranslationVocabulary.Build(datePairs.Select(p => p.Target), TokenLevel.Characters).Count);
NotebookScript.Show((string.Join(" ", charVocabulary.Tokens.Skip(4)), string.Join(" ", charVocabulary.Encode("3 mars ☃"))));

// ## 3. The encoder-decoder in the note's equations
//
// The **encoder** is the note's RNN without an output layer, reading the input:
//
// $$a^{\langle t' \rangle} = \tanh\left(W_{aa}^{enc} a^{\langle t'-1 \rangle} + W_{ax}^{enc} x^{\langle t' \rangle} + b_a^{enc}\right), \qquad a^{\langle 0 \rangle} = 0, \quad t' = 1 \dots T_x$$
//
// The **decoder** is another RNN that starts from the encoder's last state and reads, at each step, the token written
// before ($y^{\langle 0 \rangle}$ = `<s>`):
//
// $$s^{\langle 0 \rangle} = a^{\langle T_x \rangle}, \qquad s^{\langle t \rangle} = \tanh\left(W_{aa}^{dec} s^{\langle t-1 \rangle} + W_{ax}^{dec} y^{\langle t-1 \rangle} + b_a^{dec}\right), \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} s^{\langle t \rangle} + b_y\right)$$
//
// until it writes `</s>`. In training, $y^{\langle t-1 \rangle}$ is the **true** previous token (teacher forcing), so all
// $T_y$ steps are known in advance and the loss is the note's sum of cross-entropies, here the mean per output token
// over a minibatch whose targets are padded and masked:
//
// $$\mathcal{L} = \frac{1}{\sum_{t,j} w_j^{\langle t \rangle}} \sum_{t=1}^{T_y} \sum_{j=1}^{m} w_j^{\langle t \rangle} \left(-\log \hat{y}^{\langle t \rangle}_{y_j^{\langle t \rangle}, j}\right)$$
//
// BPTT runs back through the decoder to $ds^{\langle 0 \rangle}$, which the core returns as `dA0`; since
// $s^{\langle 0 \rangle} = a^{\langle T_x \rangle}$ it is the encoder's `dALast`, and BPTT goes on through the encoder. The
// tests check every gradient of the whole model against central differences. A minibatch holds inputs of one length, so
// the encoder needs no padding.
//
// Training: Adam (learning rate 0.005), minibatches of 32, gradient clipped to norm 5. Each epoch prints its loss:

TrainingEpoch[] Train(Translator model, IReadOnlyList<(string, string)> pairs, int epochs, string name) =>
    TranslatorTraining.Train(model, pairs, options: new TrainingOptions { Epochs = epochs, BatchSize = 32, LearningRate = 0.005, ClipNorm = 5, Seed = 1 },
        progress: e => Console.WriteLine($"{name}, epoch {e.Epoch}: loss per token {e.TrainLoss:F4}{Timing.Elapsed(e.Seconds)}")).Epochs.ToArray();
var plainDates = Translator.Create(datePairs, TranslatorKind.EncoderDecoder, TokenLevel.Characters, nA: 64, nAtt: 0, seed: 1);
var plainRun = Train(plainDates, datePairs, longer ? 20 : 3, "encoder-decoder");

// Greedy decoding writes, at each step, the most probable character and feeds it back as the next input. On the
// in-range **test** part of the held-out split:

IReadOnlyList<string> Targets(IReadOnlyList<DatePair> part) => part.Select(p => p.Target).ToList();
IReadOnlyList<string> Outputs(Translator model, IReadOnlyList<DatePair> part, int k = 1) => model.Translate(part.Select(p => p.Source), k);
var plainTest = Outputs(plainDates, dates.Test);
Report("encoder-decoder test exact match", SequenceScores.ExactMatch(Targets(dates.Test), plainTest));
NotebookScript.Show(Tables.FromRecords(dates.Test.Zip(plainTest).Take(8).Select(p => new { Input = p.First.Source, Expected = p.First.Target, Output = p.Second })));

// ## 4. The bottleneck
//
// The year, read last, is usually right; the day, read first, is often wrong. Everything the decoder knows about the input
// is in $a^{\langle T_x \rangle}$, $n_a = 64$ numbers computed after the whole input, and what was read first has been
// through the most steps of $W_{aa}$ and $\tanh$ since. Which part of `yyyy-mm-dd` it gets right, on the held-out dates
// whose forms training saw (test and unseen years):

var seenForms = dates.HeldOutSeenFormats;
var plainSeen = Outputs(plainDates, seenForms);
double FieldAccuracy(IReadOnlyList<string> outputs, int start, int length) =>
    seenForms.Zip(outputs).Average(p => p.Second.Length >= start + length && p.Second.Substring(start, length) == p.First.Target.Substring(start, length) ? 1.0 : 0.0);
Report("encoder-decoder year accuracy", FieldAccuracy(plainSeen, 0, 4));
Report("encoder-decoder day accuracy", FieldAccuracy(plainSeen, 8, 2));
NotebookScript.Show(Tables.FromRecords(new[] { ("year", 0, 4), ("month", 5, 2), ("day", 8, 2) }.Select(f => new
    { Field = f.Item1, EncoderDecoder = Math.Round(FieldAccuracy(plainSeen, f.Item2, f.Item3), 3) })));

// Does a longer input make it worse? Exact match and per-character accuracy against the input's length, in characters:

int Bucket(string input) => Math.Min(input.Length / 4 * 4, 28);
var lengthBuckets = seenForms.Select(p => Bucket(p.Source)).Distinct().Order().ToList();
Series ByLength(string name, IReadOnlyList<string> outputs, Func<string, string, double> score) => new(name,
    lengthBuckets.Select(b => (double)b).ToList(),
    lengthBuckets.Select(b => seenForms.Zip(outputs).Where(p => Bucket(p.First.Source) == b).Average(p => score(p.First.Target, p.Second))).ToList());
double Exact(string expected, string output) => expected == output ? 1 : 0;
double PerCharacter(string expected, string output) => SequenceScores.CharacterAccuracy([expected], [output]);
NotebookScript.Show(Charts.Lines("Encoder-decoder on held-out dates: accuracy against input length", "input length (characters, from)", "accuracy",
    [ByLength("exact match", plainSeen, Exact), ByLength("per character", plainSeen, PerCharacter)], markers: true));

// Hardly: exact match is near 0 at every length and per-character accuracy stays near three quarters. The day is lost even in
// the shortest inputs (in `2021-03-03` it is read last), because it is also the **last** thing the decoder writes: it must
// survive $s^{\langle 0 \rangle}$ and eight more steps of the decoder's own $\tanh$ recurrence. The one vector is not the
// whole story, though: notebook 08 trains this same model, bottleneck and all, with LSTM cells and gets a third to a half
// of these dates exactly right (0.31 to 0.52 over three seeds), against near 0 here. What fails is the $\tanh$ cell learning
// to carry the day through that path in this budget; longer training (`longer = true`) raises its per-character accuracy a
// little and the exact match hardly at all. And the attention model below changes more than attention: its encoder is
// bidirectional, the output layer reads the context too, and it trains 4 epochs against 3, so the gap between the two is
// not attention's alone.
//
// ## 5. Attention
//
// Instead of one vector, let the decoder look back at **every** encoder state, choosing at each step where to look. The
// encoder is bidirectional (the core's two directions, as in notebook 04), so the state at $t'$ knows the characters on
// both sides of it: $h^{\langle t' \rangle} = [\overrightarrow{a}^{\langle t' \rangle}; \overleftarrow{a}^{\langle t' \rangle}]$.
// Additive attention (Bahdanau et al., 2015) scores each $h^{\langle t' \rangle}$ against the decoder's previous state, turns
// the scores into weights with a softmax over $t'$, and reads their weighted mean, the **context**:
//
// $$e^{\langle t, t' \rangle} = v^{\top} \tanh\left(W_d s^{\langle t-1 \rangle} + W_e h^{\langle t' \rangle}\right), \qquad \alpha^{\langle t, t' \rangle} = \frac{\exp e^{\langle t, t' \rangle}}{\sum_{t''=1}^{T_x} \exp e^{\langle t, t'' \rangle}}, \qquad c^{\langle t \rangle} = \sum_{t'=1}^{T_x} \alpha^{\langle t, t' \rangle} h^{\langle t' \rangle}$$
//
// The context joins the decoder's input, and the output layer reads it too, as in Bahdanau's model (a character under the
// attention can then reach $\hat{y}^{\langle t \rangle}$ in one product, which is what copying digits needs):
//
// $$s^{\langle t \rangle} = \tanh\left(W_{aa} s^{\langle t-1 \rangle} + W_{ax} \begin{bmatrix} y^{\langle t-1 \rangle} \\ c^{\langle t \rangle} \end{bmatrix} + b_a\right), \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} s^{\langle t \rangle} + W_{yc} c^{\langle t \rangle} + b_y\right)$$
//
// with $s^{\langle 0 \rangle} = [\overrightarrow{a}^{\langle T_x \rangle}; \overleftarrow{a}^{\langle 1 \rangle}]$. In BPTT,
// $dc^{\langle t \rangle}$ flows through $\alpha$ (the softmax's Jacobian:
// $de^{\langle t' \rangle} = \alpha^{\langle t' \rangle}(d\alpha^{\langle t' \rangle} - \sum_{t''} \alpha^{\langle t'' \rangle} d\alpha^{\langle t'' \rangle})$)
// into $s^{\langle t-1 \rangle}$, $W_d$, $W_e$, $v$ and every $h^{\langle t' \rangle}$, and from there into both encoder
// directions; the tests check all of it against central differences. Here $n_a = 32$ per direction ($n_s = 64$) and
// $n_{att} = 32$:

var attentionDates = Translator.Create(datePairs, TranslatorKind.Attention, TokenLevel.Characters, nA: 32, nAtt: 32, seed: 1);
var attentionRun = Train(attentionDates, datePairs, longer ? 10 : 4, "attention");
var attentionSeen = Outputs(attentionDates, seenForms);
Report("attention day accuracy", FieldAccuracy(attentionSeen, 8, 2));

// The loss per output token, epoch by epoch (log scale):

Series Curve(string name, TrainingEpoch[] run) => new(name, run.Select(e => (double)e.Epoch).ToList(), run.Select(e => e.TrainLoss).ToList());
NotebookScript.Show(Charts.Lines("Training on dates", "epoch", "loss per output token", [Curve("encoder-decoder", plainRun), Curve("attention", attentionRun)],
    logY: true, markers: true));

// Where the decoder looks: $\alpha^{\langle t, t' \rangle}$ for each output character (rows) and input character
// (columns). For the year it looks at the year's digits one by one, for the month at the month's name or number, for the
// day at the day, wherever the form puts them:

foreach (var input in new[] { "mercredi 3 mars 2021", "the 21st of December, 1987", "Mi., 3. März 2021" })
{
    var seen = attentionDates.Explain(input);
    display(Charts.Heatmap($"Attention: '{input}' -> {seen.Output}", seen.AttentionWeights()!, seen.OutputTokens, seen.InputTokens,
        "input character t'", "output character t", zLimit: 1));
}

// ### Your turn: one step of attention
//
// Write section 5's three equations for a batch of $m$ columns: the scores $e^{\langle t, t' \rangle}$ of every encoder state,
// their softmax over $t'$ (each column on its own: one sample's weights sum to 1) and the context. The grader compares
// your $e$, $\alpha$ and $c^{\langle t \rangle}$ with the core's `AdditiveAttention` on random cases, and names the likely
// mistake when they differ (a missing $\tanh$, a softmax over the batch instead of the inputs, a context weighed by $e$).

// Exercise: the notebook leaves this body to the reader:
// // e<t,t'> = vᵀ tanh(Wd s<t-1> + We h<t'>), alpha<t,·> = softmax over t' of e (each column j on its own),
// // c<t> = sum over t' of alpha<t,t'> h<t'>. Wd (n_att, n_s), We (n_att, n_h), v (n_att), s = s<t-1> (n_s, m),
// // h[t' - 1] = h<t'> (n_h, m). Return new AttentionStep(e, alpha, context): e and alpha (Tx, m), context (n_h, m).
// AttentionStep Attend(Matrix Wd, Matrix We, double[] v, Matrix s, Matrix[] h)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
AttentionStep Attend(Matrix Wd, Matrix We, double[] v, Matrix s, Matrix[] h)
{
    int tx = h.Length, nAtt = v.Length, nH = h[0].Rows, m = s.Cols;
    var (e, alpha, context) = (new Matrix(tx, m), new Matrix(tx, m), new Matrix(nH, m));
    for (int j = 0; j < m; j++)
    {
        for (int t = 0; t < tx; t++)
            for (int k = 0; k < nAtt; k++)
            {
                double u = 0;                                                      // (Wd s<t-1> + We h<t'>)[k, j]
                for (int q = 0; q < s.Rows; q++) u += Wd[k, q] * s[q, j];
                for (int q = 0; q < nH; q++) u += We[k, q] * h[t][q, j];
                e[t, j] += v[k] * Math.Tanh(u);                                    // e<t,t'> = vᵀ tanh(u)
            }
        double max = Enumerable.Range(0, tx).Max(t => e[t, j]), sum = 0;           // softmax over t' (column j)
        for (int t = 0; t < tx; t++) sum += alpha[t, j] = Math.Exp(e[t, j] - max);
        for (int t = 0; t < tx; t++) alpha[t, j] /= sum;
        for (int i = 0; i < nH; i++)
            for (int t = 0; t < tx; t++) context[i, j] += alpha[t, j] * h[t][i, j]; // c<t> = sum over t' of alpha h<t'>
    }
    return new AttentionStep(e, alpha, context);
}

// <details><summary>Hint</summary>
//
// For each column $j$: first $u = W_d s^{\langle t-1 \rangle} + W_e h^{\langle t' \rangle}$ (an $n_{att}$ vector) and
// $e^{\langle t, t' \rangle} = \sum_k v_k \tanh u_k$ for every $t'$; then subtract the largest $e$ of the column before
// $\exp$ (the softmax is unchanged, and nothing overflows); then the context, a weighted sum of the columns $j$ of $h$.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// AttentionStep Attend(Matrix Wd, Matrix We, double[] v, Matrix s, Matrix[] h)
// {
//     int tx = h.Length, nAtt = v.Length, nH = h[0].Rows, m = s.Cols;
//     var (e, alpha, context) = (new Matrix(tx, m), new Matrix(tx, m), new Matrix(nH, m));
//     for (int j = 0; j < m; j++)
//     {
//         for (int t = 0; t < tx; t++)
//             for (int k = 0; k < nAtt; k++)
//             {
//                 double u = 0;                                                      // (Wd s<t-1> + We h<t'>)[k, j]
//                 for (int q = 0; q < s.Rows; q++) u += Wd[k, q] * s[q, j];
//                 for (int q = 0; q < nH; q++) u += We[k, q] * h[t][q, j];
//                 e[t, j] += v[k] * Math.Tanh(u);                                    // e<t,t'> = vᵀ tanh(u)
//             }
//         double max = Enumerable.Range(0, tx).Max(t => e[t, j]), sum = 0;           // softmax over t' (column j)
//         for (int t = 0; t < tx; t++) sum += alpha[t, j] = Math.Exp(e[t, j] - max);
//         for (int t = 0; t < tx; t++) alpha[t, j] /= sum;
//         for (int i = 0; i < nH; i++)
//             for (int t = 0; t < tx; t++) context[i, j] += alpha[t, j] * h[t][i, j]; // c<t> = sum over t' of alpha h<t'>
//     }
//     return new AttentionStep(e, alpha, context);
// }
// ```
//
// </details>

var attentionVerdict = Grade.AttentionStep(Attend);
Report("exercise attention-step passed", attentionVerdict.Passed ? 1 : 0);
NotebookScript.Show(attentionVerdict);

// ## 6. Beam search
//
// Greedy decoding takes the most probable token at every step, but the most probable **sequence** can start with a less
// probable token. Beam search of width $k$ keeps the $k$ partial outputs of highest $\log P(y^{\langle 1 \rangle} \dots y^{\langle t \rangle} \mid x)$,
// extends each by every token, keeps the best $k$ again, and sets aside those that wrote `</s>`. A product of
// probabilities only shrinks as it grows, so finished outputs are ranked with **length normalisation**:
//
// $$\text{score}(y) = \frac{1}{T_y^{\alpha}} \sum_{t=1}^{T_y} \log P\left(y^{\langle t \rangle} \mid x, y^{\langle 1 \rangle} \dots y^{\langle t-1 \rangle}\right), \qquad \alpha = 0.7,$$
//
// $T_y$ counting `</s>`. With $k = 1$ it is greedy decoding (a test checks this, and that on a hand-made decoder with fixed
// probabilities beam search finds a sequence of probability 0.36 where greedy stops at 0.21).
//
// Exact match and per-character accuracy of both models, greedy and beam ($k = 3$), on each part of the held-out split:

var parts = new[] { ("test", dates.Test), ("unseen years", dates.UnseenYears), ("unseen forms", dates.UnseenFormats) };
var models = new[] { ("encoder-decoder", plainDates), ("attention", attentionDates) };
var dateScores = (
    from model in models
    from k in new[] { 1, 3 }
    from part in parts
    let outputs = Outputs(model.Item2, part.Item2, k)
    select new { Model = model.Item1, Decoding = k == 1 ? "greedy" : "beam k=3", Part = part.Item1,
                 ExactMatch = SequenceScores.ExactMatch(Targets(part.Item2), outputs), PerCharacter = SequenceScores.CharacterAccuracy(Targets(part.Item2), outputs) }).ToList();
double ScoreOf(string model, string decoding, string part) => dateScores.Single(s => s.Model == model && s.Decoding == decoding && s.Part == part).ExactMatch;
foreach (var s in dateScores) Report($"{s.Model} {s.Decoding} {s.Part} exact match", s.ExactMatch);
NotebookScript.Show(Tables.FromRecords(dateScores.Select(s => new { s.Model, s.Decoding, s.Part, ExactMatch = Math.Round(s.ExactMatch, 3), PerCharacter = Math.Round(s.PerCharacter, 3) })));

// ### Your turn: one step of beam search
//
// The heart of beam search is one step: each of the $k$ hypotheses, with score $\log P(y^{\langle 1 \rangle} \dots y^{\langle t-1 \rangle})$,
// is extended by every token $v$,
//
// $$\log P\left(y^{\langle 1 \rangle} \dots y^{\langle t-1 \rangle}, v\right) = \log P\left(y^{\langle 1 \rangle} \dots y^{\langle t-1 \rangle}\right) + \log \hat{y}^{\langle t \rangle}_v,$$
//
// and the $k$ best of the $k \, n_y$ candidates are kept, best first. Write it: `scores` holds the $k$ scores,
// column $h$ of `logProbabilities` $(n_y, k)$ hypothesis $h$'s $\log \hat{y}^{\langle t \rangle}$; return the $k$ best
// `new BeamExtension(hypothesis, token, score)`. Ties go to the candidate listed first (hypothesis by hypothesis, token
// by token), as the library's `SequenceSearch.Beam` breaks them; the grader compares your step with it on random cases.

// Exercise: the notebook leaves this body to the reader:
// // scores (k): log P of each hypothesis, best first; logProbabilities (n_y, k): column h is hypothesis h's log yHat<t>.
// // Return the k best extensions (hypothesis, token, score), best first; equal scores keep the order they were listed in.
// BeamExtension[] BeamStep(double[] scores, Matrix logProbabilities)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
BeamExtension[] BeamStep(double[] scores, Matrix logProbabilities)
{
    int k = scores.Length, nY = logProbabilities.Rows;
    var candidates = new List<BeamExtension>(k * nY);
    for (int h = 0; h < k; h++)
        for (int v = 0; v < nY; v++)
            candidates.Add(new BeamExtension(h, v, scores[h] + logProbabilities[v, h]));   // log P(y<1..t-1>, v)
    return candidates.OrderByDescending(c => c.Score).Take(k).ToArray();                    // stable: ties keep their order
}

// <details><summary>Hint</summary>
//
// List all $k \, n_y$ candidates in order (hypothesis, then token) and sort them by score, descending, with a **stable**
// sort (LINQ's `OrderByDescending` is one), then take $k$.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// BeamExtension[] BeamStep(double[] scores, Matrix logProbabilities)
// {
//     int k = scores.Length, nY = logProbabilities.Rows;
//     var candidates = new List<BeamExtension>(k * nY);
//     for (int h = 0; h < k; h++)
//         for (int v = 0; v < nY; v++)
//             candidates.Add(new BeamExtension(h, v, scores[h] + logProbabilities[v, h]));   // log P(y<1..t-1>, v)
//     return candidates.OrderByDescending(c => c.Score).Take(k).ToArray();                    // stable: ties keep their order
// }
// ```
//
// </details>

var beamVerdict = Grade.BeamStep(BeamStep);
Report("exercise beam-step passed", beamVerdict.Passed ? 1 : 0);
NotebookScript.Show(beamVerdict);

// The held-out split whose forms training saw (test and unseen years together, 1,000 dates): the attention model gets
// every one of them exactly right, at each of three seeds (`rnnbook sweep`). When the training years ran only from 1930 to
// 2049, one seed of five copied only half of the unseen years, writing the 19xx or 20xx it had learnt instead of the
// digits it read; with years from 1600 to 2199 a model must copy the digits, and it does.

var attentionHeldOut = SequenceScores.ExactMatch(Targets(seenForms), attentionSeen);
Report("attention greedy exact match on the held-out split", attentionHeldOut);
Report("encoder-decoder greedy exact match on the held-out split", SequenceScores.ExactMatch(Targets(seenForms), plainSeen));
NotebookScript.Show(attentionHeldOut);

// The unseen years are copied at every seed: the attention reads each digit where it is. The unseen forms are harder,
// and honestly so (0.83 to 0.95 exact over three seeds): `2021/03/03` puts the year first with `/`, which in training
// always meant day first, and most misses shown below are of that form (the others are German dates with an abbreviated
// weekday, such as *Do., 18. Aug. 1661*). The per-character accuracy shows how close the
// misses are.
//
// ## 7. The errors that remain
//
// Held-out dates the attention model (greedy) gets wrong, from every part:

var errors = parts.SelectMany(part => part.Item2.Zip(Outputs(attentionDates, part.Item2)).Where(p => p.First.Target != p.Second)
    .Select(p => new { Part = part.Item1, Input = p.First.Source, Expected = p.First.Target, Output = p.Second, Form = p.First.Format })).ToList();
Report("attention held-out errors", errors.Count);
NotebookScript.Show(Tables.FromRecords(errors.Take(12)));

// ## 8. Real sentences: English to French
//
// Tatoeba (tatoeba.org, CC BY 2.0 FR) collects sentences and their translations; manythings.org lists the English-French
// pairs with each pair's credit, `english TAB french TAB attribution`. The loader looks for the list's first 5,000 pairs
// (its shortest sentences) in the folder named by `RNNNOTEBOOKS_DATA`, then in the per-user cache, and checks their
// SHA-256; it keeps pairs of at most 10 tokens on each side (as the PyTorch tutorial keeps sentences under 10 words) and
// holds out 10% of the English sentences with **all** their translations, the references BLEU compares with.

TranslationSplits? tatoeba = null;
try
{
    var (splits, file) = await Tatoeba.LoadAsync();
    tatoeba = splits;
    Console.WriteLine($"Tatoeba: {splits.Train.Count} training and {splits.Test.Count} held-out pairs from {Tatoeba.Credit}");
}
catch (DataUnavailableException e) // also a download whose SHA-256 is not the pinned one's (Sha256MismatchException)
{
    Console.WriteLine($"This notebook translates dates only: the Tatoeba pairs could not be found or downloaded ({e.Reason}).");
}
Report("real data", tatoeba is null ? 0 : 1);
if (tatoeba is not null) display(Tables.FromRecords(tatoeba.Train.Take(6).Select(p => new { p.English, p.French, Credit = p.Attribution })));

// Words are the tokens of BLEU: lower case, a word keeps an apostrophe at its end (*j'*, *l'*), punctuation marks are
// tokens of their own. As tokens of a model, words have a flaw: 4,500 short sentences hold a few thousand words, most of
// them seen once or twice, and a word the vocabulary lacks can only be read or written as `<unk>`. A word model that keeps
// the words seen at least twice writes `je suis <unk> .` for *I am hungry.*, because *faim* is too rare. How many of the
// held-out French words such a vocabulary lacks:

var sentencePairs = tatoeba is null ? [] : TatoebaTranslator.Pairs(tatoeba.Train);
var frenchWords = TranslationVocabulary.Build(sentencePairs.Select(p => p.French), TokenLevel.Words, minCount: 2);
if (tatoeba is not null)
{
    Report("French words n_y", frenchWords.Count);
    Report("held-out French words unknown to the word vocabulary", frenchWords.UnknownRate(tatoeba.Test.Select(p => p.French)));
}

// ## 9. Subwords: byte-pair encoding
//
// Byte-pair encoding (Sennrich, Haddow and Birch, 2016) builds a vocabulary between characters and words. Every training
// word starts as its characters followed by an end-of-word marker, written `▁` (*faim* is `f a i m ▁`). Then, $N$ times:
// count every adjacent pair of symbols inside the words, each word weighing how often it occurs, and **merge** the most
// frequent pair everywhere into one new symbol (ties go to the pair first in code-point order, so the result is the same on
// every machine):
//
// $$(x, y)^{\ast} = \arg\max_{(x, y)} \sum_{w} \operatorname{count}(w) \cdot \#\{\text{positions where } x\,y \text{ are adjacent in } w\}, \qquad x\,y \to xy$$
//
// Frequent words end up as one symbol (`suis▁`), rare ones as a few frequent pieces, and a word never seen is still made of
// known pieces, down to single characters. A character that training never saw (`☃`, `日`) becomes its UTF-8 bytes, which
// are in the vocabulary too: **nothing is ever `<unk>`**, and joining the pieces gives the text back (`RnnNotebooks.Data`'s
// tests check the merges against a count by hand and the round trip on every Tatoeba line). Each language learns its own
// $N = 1000$ merges from its side of the training pairs. The first merges of French, and the vocabularies' sizes:

var english = TranslationVocabulary.BuildSubwords(sentencePairs.Select(p => p.English), TatoebaTranslator.Merges, everyToken: true);
var french = TranslationVocabulary.BuildSubwords(sentencePairs.Select(p => p.French), TatoebaTranslator.Merges, everyToken: false);
if (tatoeba is not null)
{
    Report("English subwords n_x", english.Count);
    Report("French subwords n_y", french.Count);
    display(Tables.FromRecords(french.Subwords!.Merges.Take(12).Select((m, i) => new { Merge = i + 1, m.Left, m.Right, NewSymbol = m.Joined })));
}

// A sentence in subwords: the encoder reads the English pieces, the decoder writes the French ones, and an output is
// turned back into words by joining the pieces up to each `▁`. The English vocabulary keeps every token its encoding can
// write (the 256 bytes among them), so any input can be read; the French one keeps what the training sentences hold.

string Pieces(TranslationVocabulary vocabulary, string text) => string.Join(" ", vocabulary.Split(text));
if (tatoeba is not null)
    display(Tables.FromRecords(new[] { ("I am hungry.", "J'ai faim."), ("We're exhausted.", "Nous sommes épuisés."), ("Tom is a snowman ☃.", "") }
    .Select(p => new { English = p.Item1, EnglishSubwords = Pieces(english, p.Item1), French = p.Item2, FrenchSubwords = Pieces(french, p.Item2) })));

// ## 10. Attention over subwords, with GRU cells
//
// The attention model of section 5 again, over subwords, with one change: its three RNNs (both encoder directions and the
// decoder) use the **GRU** cell of notebook 08 instead of the note's $\tanh$ RNN. A gate decides, per unit and step, how much
// of the state to keep:
//
// $$\Gamma_u = \sigma\left(W_u [a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_u\right), \quad \Gamma_r = \sigma\left(W_r [a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_r\right), \quad \tilde{a}^{\langle t \rangle} = \tanh\left(W_c [\Gamma_r \ast a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_c\right), \quad a^{\langle t \rangle} = \Gamma_u \ast \tilde{a}^{\langle t \rangle} + (1 - \Gamma_u) \ast a^{\langle t-1 \rangle}$$
//
// A sentence has more subwords than words, and a word is spread over several steps: the kind of distance over which
// notebook 08 found gated cells carry information better than the tanh RNN. Each GRU step costs about three RNN steps; the model trains for 5 epochs,
// $n_a = 32$ per direction, $n_{att} = 32$ (`TatoebaTranslator` holds these settings, which `rnnbook train translate`
// shares):

Translator? subwordModel = null;
TrainingEpoch[] subwordRun = [];
if (tatoeba is not null)
{
    subwordModel = TatoebaTranslator.Create(sentencePairs, seed: 1);
    subwordRun = Train(subwordModel, sentencePairs, longer ? 12 : TatoebaTranslator.NotebookEpochs, "subwords, GRU attention");
    display(Charts.Lines("Training on Tatoeba", "epoch", "loss per output subword", [Curve("attention, GRU, subwords", subwordRun)], markers: true));
}

// **BLEU** (Papineni et al., 2002) counts how many of a translation's $n$-grams, $n = 1 \dots 4$, occur in a reference
// translation, each counted at most as often as the reference that has it most, summed over the whole held-out corpus
// ($p_n$), and penalises translations shorter than their references ($c$ tokens against $r$, the closest reference
// length per sentence, summed):
//
// $$\text{BLEU} = 100 \cdot \text{BP} \cdot \exp\left(\frac{1}{4} \sum_{n=1}^{4} \log p_n\right), \qquad \text{BP} = \begin{cases} 1 & c > r \\ e^{1 - r/c} & c \le r \end{cases}$$
//
// as sacreBLEU computes corpus BLEU, without smoothing, on **words** (a test works an example by hand): the subword model's
// outputs are joined into words first, so its score compares with a word model's. The baseline copies the English input:
// it scores the words French shares with English (*Tom*, *!*, *.*).

var heldOutEnglish = tatoeba?.Test.Select(p => p.English).Distinct().ToList() ?? [];
var references = heldOutEnglish.Select(e => (IReadOnlyList<IReadOnlyList<string>>)tatoeba!.Test.Where(p => p.English == e)
    .Select(p => SentenceTokens.Of(p.French)).ToList()).ToList();
BleuScore BleuOf(Func<string, IReadOnlyList<string>> translate) => Bleu.Corpus(heldOutEnglish.Select(translate).ToList(), references);
var bleu = new List<(string System, BleuScore Score)>();
if (tatoeba is not null)
{
    bleu.Add(("copy the input", BleuOf(e => SentenceTokens.Of(e))));
    foreach (var k in new[] { 1, 3 })
        bleu.Add(($"attention, {(k == 1 ? "greedy" : "beam k=3")}", BleuOf(e => subwordModel!.Explain(e, k).Tokens)));
    foreach (var (name, score) in bleu) Report($"BLEU {name}", score.Score);
    display(Tables.FromRecords(bleu.Select(b => new { b.System, BLEU = Math.Round(b.Score.Score, 2), p1 = Math.Round(b.Score.Precisions[0], 3),
        p2 = Math.Round(b.Score.Precisions[1], 3), p3 = Math.Round(b.Score.Precisions[2], 3), p4 = Math.Round(b.Score.Precisions[3], 3),
        BP = Math.Round(b.Score.BrevityPenalty, 3) })));
}

// Over three seeds of the model (`rnnbook sweep --seeds 3`, the data kept), greedy decoding scored 21.3 to 28.4 BLEU
// (median 24.5) and beam search ($k = 3$) 27.6 to 30.1, above greedy at every seed. This notebook's earlier translator,
// the tanh attention model over the words seen at least twice, scored 11.4 to 17.1 greedy over five seeds.
//
// Where the decoder looks, subword by subword: $\alpha^{\langle t, t' \rangle}$ for each output subword (rows) and input
// subword (columns), for five held-out sentences:

if (tatoeba is not null)
    foreach (var input in heldOutEnglish.Where(e => english.Split(e).Count >= 5).Take(5))
    {
        var seen = subwordModel!.Explain(input);
        display(Charts.Heatmap($"Attention: '{input}' -> {seen.Output}", seen.AttentionWeights()!, seen.OutputTokens, seen.InputTokens,
            "input subword t'", "output subword t", zLimit: 1));
    }

// Held-out sentences, one reference (there may be others) with its credit, and what the model writes, greedy and with beam
// search ($k = 3$):

if (tatoeba is not null)
    display(Tables.FromRecords(heldOutEnglish.Take(12).Select(e => tatoeba.Test.First(p => p.English == e)).Select(p => new
    {
        p.English, Reference = p.French, Greedy = subwordModel!.Translate(p.English), Beam = subwordModel.Translate(p.English, 3), Credit = p.Attribution,
    })));

// Subwords let the decoder write a word as pieces, so it can also put together a word that no training sentence holds:
// a right form it never saw, or a word that does not exist. How many of the words it writes for the held-out sentences
// (greedy) are not among the training sentences' French words, which they are, and what it writes for a few lines no
// vocabulary of words could read (`<unk>` never appears: the decoder cannot write it):

if (tatoeba is not null)
{
    var trainingWords = sentencePairs.SelectMany(p => SentenceTokens.Of(p.French)).ToHashSet();
    var heldOutOutputs = heldOutEnglish.Select(e => subwordModel!.Translate(e)).ToList();
    var newWords = heldOutOutputs.SelectMany(o => o.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => !trainingWords.Contains(w)).ToList();
    Report("held-out output words never seen in training", newWords.Count);
    Report("held-out outputs holding <unk>", heldOutOutputs.Count(o => o.Contains("<unk>")));
    Console.WriteLine($"{newWords.Count} of {heldOutOutputs.Sum(o => o.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)} words: {string.Join(", ", newWords.Distinct())}");
    string[] sentenceProbes = ["I am hungry.", "We're exhausted.", "Tom is a snowman ☃.", "Zoë sings.", ""];
    display(Tables.FromRecords(sentenceProbes.Select(e => new { English = e, EnglishSubwords = Pieces(english, e), French = subwordModel!.Translate(e) })));
}

// That is the price of pieces: over three seeds the model wrote 82 to 85 words that no training sentence holds (of
// 1,159 words in the stored run, where none of them is a word of the held-out references either): pieces that make no
// French word. A word model cannot make that mistake; it writes `<unk>` instead. Many other outputs are fluent French
// that says something else: 4,500 short sentences teach the frequent patterns (*je suis ...*, *tom est ...*) better than
// the meaning of rare words. The real systems of this kind were trained on millions of pairs.
//
// ## 11. Save the models, and use them from the command line
//
// Both attention models are saved in the safetensors format (`dates.safetensors`, `translate.safetensors`: both encoder
// directions' weights, $W_d$, $W_e$, $v$, the decoder's weights, $W_{ya}$, $W_{yc}$, $b_y$) beside a `.json` (vocabularies,
// the English and French merges, sizes, cells, how text becomes tokens). When the Tatoeba pairs are not found, no translation
// model is saved, and `rnnbook predict translate` says which notebook makes it.

var modelFolder = System.IO.Path.Combine("..", "out", "models");
attentionDates.Save(System.IO.Path.Combine(modelFolder, "dates"));
var reloadedDates = Translator.Load(System.IO.Path.Combine(modelFolder, "dates"));
var probes = seenForms.Take(200).Select(p => p.Source).Append("not a date at all ☃").Append("").ToList();
Report("dates translated differently after save and load",
    attentionDates.Translate(probes).Zip(reloadedDates.Translate(probes)).Count(p => p.First != p.Second));
if (subwordModel is not null)
{
    subwordModel.Save(System.IO.Path.Combine(modelFolder, "translate"));
    var reloadedSentences = Translator.Load(System.IO.Path.Combine(modelFolder, "translate"));
    Report("sentences translated differently after save and load",
        heldOutEnglish.Count(e => subwordModel.Translate(e) != reloadedSentences.Translate(e)));
}
NotebookScript.Show(reloadedDates.Translate(probes.TakeLast(2)));

// The two answers above are the reloaded date model's for *not a date at all ☃* and for an empty line: it writes a date
// for anything (`0050-07-05`), because writing `yyyy-mm-dd` is all it has learnt, and for the empty line not even a
// date (`105`). A model's output is a guess in the shape of its training targets, not a checked fact; `predict dates` prints
// it as it is, and an application would validate it (`DateOnly.TryParseExact`) before using it.
//
// From the repository root, one input per line in, one answer per line out. A line that is no date at all still gets the
// model's best guess (unknown characters are read as `<unk>`), never an error; an empty line gets an empty line, since
// there is nothing to rewrite and the guess above is no answer. The translator reads any line of unknown characters too,
// and never writes `<unk>`. `rnnbook train translate` trains this notebook's translator
// longer (10 epochs by default, with a progress bar) and saves it where `predict translate` looks:
//
// ```bash
// printf 'Saturday, 14 July 1789\n1er janvier 2000\nnot a date\n' | dotnet run --project lib/RnnNotebooks.Cli -- predict dates
// echo "I am hungry." | dotnet run --project lib/RnnNotebooks.Cli -- predict translate
// dotnet run --project lib/RnnNotebooks.Cli -- train translate --epochs 10
// ```

// ## From additive attention to self-attention
//
// Attention here lets one sequence (the decoder's states) look at another (the encoder's). Nothing in its equations needs
// two sequences: let every position of one sequence score every other position of the **same** sequence, and each state
// becomes a weighted mean of all of them. That is **self-attention**, and with two more changes it is the layer of the
// Transformer (Vaswani et al., 2017). The score becomes a scaled dot product of learnt projections, a query
// $q^{\langle t \rangle} = W_q h^{\langle t \rangle}$ against keys $k^{\langle t' \rangle} = W_k h^{\langle t' \rangle}$, instead of
// additive attention's small network $v^\top \tanh(W_d s + W_e h)$; and the weights mix values
// $v^{\langle t' \rangle} = W_v h^{\langle t' \rangle}$:
//
// $$\alpha^{\langle t, t' \rangle} = \operatorname{softmax}_{t'}\left(\frac{q^{\langle t \rangle} \cdot k^{\langle t' \rangle}}{\sqrt{d_k}}\right), \qquad z^{\langle t \rangle} = \sum_{t'} \alpha^{\langle t, t' \rangle} v^{\langle t' \rangle}$$
//
// The picture can be drawn with what this notebook already has. Take the trained date model's encoder states
// $h^{\langle t' \rangle}$ for one input and let each position score all the others, twice: with no projection at all,
// $W_q = W_k = I$ ($q^{\langle t \rangle} = k^{\langle t \rangle} = h^{\langle t \rangle}$, $d_k = 2 n_a$), and with the one projection this
// model did learn, additive attention's $W_e$, used as both ($q^{\langle t \rangle} = k^{\langle t \rangle} = W_e h^{\langle t \rangle}$,
// $d_k = n_{att}$; section 5's keys). Row $t$ is where position $t$ would look; a uniform row would be $1/T_x$ everywhere.

// The trained date model's encoder states h<t'> = [a→<t'>; a←<t'>] for one input, and its keys We h<t'> (section 5)
var selfInput = "mercredi 3 mars 2021";
var dateModel = (AttentionEncoderDecoder)attentionDates.Model;
var sourceIds = attentionDates.Source.Encode(selfInput);
var encoded = dateModel.Forward(SequenceBatch.OneHot(dateModel.SourceSize, sourceIds),
    SequenceBatch.OneHot(dateModel.TargetSize, new[] { TranslationVocabulary.StartId }));
var sourceTokens = sourceIds.Select(id => attentionDates.Source.Tokens[id]).ToList();

// Self-attention's weights: alpha<t,t'> = softmax over t' of (q<t> · k<t'>) / sqrt(d_k), with q = k = the given vectors
double[,] SelfAttention(Matrix[] qk)
{
    int tx = qk.Length;
    var alpha = new double[tx, tx];
    for (int t = 0; t < tx; t++)
    {
        var scores = Enumerable.Range(0, tx).Select(u => qk[t].Data.Zip(qk[u].Data, (p, q) => p * q).Sum() / Math.Sqrt(qk[t].Rows)).ToArray();
        var weights = scores.Select(score => CanonicalMath.Exp(score - scores.Max())).ToArray(); // minus the largest: nothing overflows
        for (int u = 0; u < tx; u++) alpha[t, u] = weights[u] / weights.Sum();
    }
    return alpha;
}
double MeanLargestWeight(double[,] alpha) =>
    Enumerable.Range(0, alpha.GetLength(0)).Average(t => Enumerable.Range(0, alpha.GetLength(1)).Max(u => alpha[t, u]));

var identityAlpha = SelfAttention(encoded.H);
var learntAlpha = SelfAttention(encoded.Keys);
Report("self-attention W_q = W_k = I: mean largest weight of a row", MeanLargestWeight(identityAlpha));
Report("self-attention W_q = W_k = W_e: mean largest weight of a row", MeanLargestWeight(learntAlpha));
display(Charts.Heatmap($"Self-attention over '{selfInput}', W_q = W_k = I", identityAlpha, sourceTokens, sourceTokens,
    "key: input character t'", "query: input character t", zLimit: 1));
NotebookScript.Show(Charts.Heatmap($"Self-attention over '{selfInput}', W_q = W_k = W_e (learnt)", learntAlpha, sourceTokens, sourceTokens,
    "key: input character t'", "query: input character t", zLimit: 1));

// With no projection the weights are nearly flat: the largest weight of a row is 0.13 to 0.15 over three seeds
// (`rnnbook sweep`), against $1/21 \approx 0.05$ for a uniform row of this input's 21 tokens; each state is a little more
// like itself than like the others, and that is all. With $W_e$, learnt for another job (matching encoder states to the
// decoder's), the rows are sharp, a largest weight of 0.59 to 0.77: in the stored run the day *3* and the year's last three digits
// look only at themselves (0.99 to 1), and the letters of *mars* mostly at the letters of *mars* (0.45 to 0.92 on their own). What lets attention choose is the learnt
// projection; a Transformer learns its $W_q$, $W_k$ and $W_v$ for self-attention itself.
//
// Every $z^{\langle t \rangle}$ is computed at once from the whole sequence, with no recurrence: no state carried through
// $T_x$ steps, so no gradient shrinking along them, and every step in parallel. What the recurrence gave for free, the
// order of the tokens, must then be added to the inputs (positional encodings). Attention itself began on RNN
// encoder-decoders like this notebook's (Bahdanau, Cho and Bengio, 2015), and a Transformer's attention maps are read as the
// heatmaps above are: row by row, where each position looks.

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// * Many-to-many with $T_x \neq T_y$ is two RNNs: an **encoder** that reads the input and a **decoder** that writes the
//   output from the encoder's last state, reading its own previous token, up to an end token. Teacher forcing trains it
//   like any RNN; BPTT crosses from decoder to encoder through $da^{\langle T_x \rangle} = ds^{\langle 0 \rangle}$.
// * One state of $n_a$ numbers is a **bottleneck**: the plain $\tanh$ encoder-decoder gets the year right far more often than
//   the day, which it must carry through the whole input and the whole output; with LSTM cells the same bottleneck gets
//   a third to a half of the dates exactly right (notebook 08), so the $\tanh$ cell's training fails as much as the bottleneck.
// * **Attention** gives the decoder a context per step, a softmax-weighted mean of all encoder states, scored against its
//   own state; its weights show the alignment, and it rewrites held-out dates in the forms it was trained on without error, unseen years included, at every seed of
// three; trained on years 1600 to 2199, it copies a year it reads (*14 July 1789* becomes `1789-07-14`).
// * **Beam search** keeps the $k$ best partial outputs and ranks finished ones by length-normalised log-probability; on
//   dates, where the model is sure, it changes nothing; on the subword translator it raised BLEU at every seed of three; $k = 1$ is greedy.
// * **Byte-pair encoding** learns a vocabulary between characters and words by merging the most frequent adjacent pair of
//   symbols, $N$ times: frequent words stay whole, rare ones become frequent pieces, unseen characters become bytes, so a
//   translator over subwords never reads or writes `<unk>`.
// * **BLEU** scores translations by $n$-gram overlap with references, on words; on 4,500 short Tatoeba pairs the
//   attention model of GRU cells over subwords scores 21 to 28 BLEU greedy and 28 to 30 with
//   beam search over three seeds, where a tanh model over words scored 11 to 17; it still writes words that do not exist,
//   and many sentences that say something else.
// * **Self-attention** lets a sequence attend to itself with a scaled dot product of learnt queries and keys: no
//   recurrence, every position at once. On the date model's states, no projection gives nearly flat weights and the
//   learnt $W_e$ sharp ones: the projection is what chooses.
//
// ## Exercises
//
// 1. Feed the plain encoder-decoder its input **reversed** (Sutskever et al., 2014): the day is then read last. How do the
//    field accuracies of section 4 change, and why?
// 2. Train the attention model with a **unidirectional** encoder ($h^{\langle t' \rangle} = \overrightarrow{a}^{\langle t' \rangle}$).
//    Which characters' attention moves, and what happens to the day in *3rd of March*?
// 3. Set $\alpha = 0$ and $\alpha = 1$ in the length normalisation and compare beam search's BLEU: which lengths does each
//    favour?
// 4. Add the held-out form `num-year-slash` to training (a few hundred pairs) and score the unseen forms again. How many
//    examples of a new form does the model need?
// 5. Train the subword translator with the note's RNN cells (`Translator.Create(..., cell: RecurrentCell.Rnn, merges:
//    TatoebaTranslator.Merges)`) for the same time the GRU model took, then with $N$ = 250 and 4,000 merges. Which change
//    moves BLEU more, and what happens to the lengths of the sentences in subwords?
// 6. Compute BLEU on the held-out sentences with sacreBLEU's default 'exp' smoothing. When does it differ from the
//    unsmoothed score, and why does that matter for one sentence but hardly for a corpus?
