// 03-backpropagation-through-time.cs: notebooks/03-backpropagation-through-time.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/03-backpropagation-through-time.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Plots;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 03 · Backpropagation through time
//
// In this notebook you will:
//
// 1. write the loss of a sequence as a **sum over time** and look at its terms;
// 2. **derive** backpropagation through time (BPTT) for this network, one chain-rule step at a time, then compute it
//    **by hand** in code and check it against the library;
// 3. check every gradient against **finite differences**, and watch the check catch a plausible bug;
// 4. see **vanishing and exploding gradients** happen, for several spectral radii of $W_{aa}$, with tanh and ReLU;
// 5. rescue a training run that explodes with **gradient clipping**, and find what **truncated BPTT** can and cannot
//    learn;
// 6. train a **character-level model** end to end on the course's text and sample from it at several temperatures.
//
// It trains a few small models, printing progress as it goes, and checks at its end that it ran in under a minute.

// ## The libraries
//
// The core (`RnnNotebooks`), the datasets (`RnnNotebooks.Data`) and the charts (`RnnNotebooks.Plots`), built by
// `dotnet build` at the repository root; Plotly.NET.Interactive shows charts as cell outputs.

var clock = System.Diagnostics.Stopwatch.StartNew();
void CheckShape(Matrix m, (int Rows, int Cols) expected, string name)
{
    if (m.Shape != expected)
        throw new InvalidOperationException($"{name} has shape {m.Shape}; expected {expected}.");
}
double Norm(Matrix m) => Math.Sqrt(m.Data.Sum(v => v * v));

// ## 1. The loss is a sum over time
//
// A model that predicts the next character makes one prediction per step, and each is scored by the cross-entropy of
// the true next character $y^{\langle t \rangle}$. The loss of the sequence adds them up:
//
// $$\mathcal{L}(\hat{y}, y) = \sum_{t=1}^{T_y} \mathcal{L}^{\langle t \rangle}\left(\hat{y}^{\langle t \rangle}, y^{\langle t \rangle}\right), \qquad \mathcal{L}^{\langle t \rangle} = -\log \hat{y}^{\langle t \rangle}_{y^{\langle t \rangle}}$$
//
// Before training, the network has no idea, and each term is close to the cost of a uniform guess over the $n_y$
// characters, $\log n_y$. Here is an untrained model, the one we train at the end of this notebook, on a sentence of
// the course's text (`StoryText`, sentences generated from a small grammar):

string text = StoryText.Generate(600, seed: 1);
var vocabulary = CharVocabulary.FromText(text);
int n = vocabulary.Size;
var model = Rnn.Create(nX: n, nA: 64, nY: n, seed: 1);
var ids = vocabulary.Encode("harry found an old map in the castle.");
var x = SequenceBatch.OneHot(n, ids[..^1]);
var y = SequenceTargets.ClassIndices(ids[1..]);          // y<t> = x<t+1>, the next character
var stepLosses = model.StepLosses(model.Forward(x), y);
Report("sum of step losses minus the loss", stepLosses.Sum() - model.Loss(model.Forward(x), y));
Report("untrained loss per step", stepLosses.Average());
Report("log n_y", Math.Log(n));
NotebookScript.Show(Charts.Lines("Loss per step of an untrained model", "t", "loss",
    [Series.Of("L⟨t⟩", stepLosses),
     Series.Of("log n_y (uniform guess)", stepLosses.Select(_ => Math.Log(n)).ToArray())],
    markers: true));

// ## 2. BPTT, derived
//
// Training needs $\partial \mathcal{L} / \partial \theta$ for every parameter $\theta$. Write $d\theta$ for
// $\partial \mathcal{L} / \partial \theta$. The forward pass, with the pre-activations named:
//
// $$z^{\langle t \rangle} = W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle} + b_a, \qquad a^{\langle t \rangle} = \tanh\left(z^{\langle t \rangle}\right)$$
//
// $$z_y^{\langle t \rangle} = W_{ya}\, a^{\langle t \rangle} + b_y, \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(z_y^{\langle t \rangle}\right)$$
//
// **Step 1: the output.** $\mathcal{L}^{\langle t \rangle} = -\sum_k y_k \log \hat{y}_k$ with $y$ one-hot and
// $\hat{y}_k = e^{z_k} / \sum_j e^{z_j}$. Since $\partial \log \hat{y}_k / \partial z_i = [i = k] - \hat{y}_i$, the
// softmax and the log cancel into
//
// $$dz_y^{\langle t \rangle} = \frac{\partial \mathcal{L}}{\partial z_y^{\langle t \rangle}} = \hat{y}^{\langle t \rangle} - y^{\langle t \rangle}$$
//
// **Step 2: the output layer.** $z_y^{\langle t \rangle}$ is linear in $W_{ya}$ and $b_y$, which every step uses, so
// their gradients add up over the steps:
//
// $$dW_{ya} = \sum_{t=1}^{T} dz_y^{\langle t \rangle}\, {a^{\langle t \rangle}}^{\top}, \qquad db_y = \sum_{t=1}^{T} dz_y^{\langle t \rangle}$$
//
// **Step 3: the hidden state, through time.** $a^{\langle t \rangle}$ reaches the loss along two paths: through its own
// output $\hat{y}^{\langle t \rangle}$, and through the next state $a^{\langle t+1 \rangle}$, which carries it to every
// later step. The chain rule adds the two:
//
// $$da^{\langle t \rangle} = W_{ya}^{\top}\, dz_y^{\langle t \rangle} + W_{aa}^{\top}\, dz^{\langle t+1 \rangle}, \qquad dz^{\langle T+1 \rangle} = 0$$
//
// The second term is the whole difference from a feed-forward network: the gradient of step $t$ needs the gradient of
// step $t + 1$, so the computation runs **backwards through time**, $t = T, T-1, \dots, 1$.
//
// **Step 4: through $g_1$.** With $a = \tanh(z)$, $\partial a / \partial z = 1 - a^2$, elementwise:
//
// $$dz^{\langle t \rangle} = da^{\langle t \rangle} \odot \left(1 - \left(a^{\langle t \rangle}\right)^2\right)$$
//
// **Step 5: the recurrent layer.** Like step 2, summed over the steps that use the parameters:
//
// $$dW_{aa} = \sum_{t=1}^{T} dz^{\langle t \rangle}\, {a^{\langle t-1 \rangle}}^{\top}, \qquad dW_{ax} = \sum_{t=1}^{T} dz^{\langle t \rangle}\, {x^{\langle t \rangle}}^{\top}, \qquad db_a = \sum_{t=1}^{T} dz^{\langle t \rangle}$$
//
// and what reaches the start is $da^{\langle 0 \rangle} = W_{aa}^{\top}\, dz^{\langle 1 \rangle}$. With a batch, every
// vector becomes an $(\cdot, m)$ matrix and the sums also run over the $m$ columns.

// ### One backward step by hand
//
// A tiny model, $n_x = n_y = 4$, $n_a = 3$, on $T = 5$ tokens, so every number can be printed. The library's forward
// pass keeps $a^{\langle t \rangle}$ and $\hat{y}^{\langle t \rangle}$; `KeepDA` asks its backward pass to keep every
// $da^{\langle t \rangle}$ for us to compare. Three helpers: $W^{\top} v$, the column of a $(\cdot, 1)$ matrix, and the largest difference between two lists.

var tiny = Rnn.Create(nX: 4, nA: 3, nY: 4, seed: 2);
int[] inputs = [0, 2, 1, 3, 2], targets = [2, 1, 3, 2, 0];
int T = inputs.Length;
var cache = tiny.Forward(SequenceBatch.OneHot(4, inputs));
var library = tiny.Backward(cache, SequenceTargets.ClassIndices(targets),
    new BackwardOptions { KeepDA = true });
CheckShape(library.dA![T - 1], (3, 1), "da<T>");

double[] TransposeTimes(Matrix W, double[] v) =>                   // W^T v
    Enumerable.Range(0, W.Cols).Select(j => Enumerable.Range(0, W.Rows).Sum(i => W[i, j] * v[i]))
        .ToArray();
double[] Col(Matrix m) => m.Column(0);
double LargestDifference(IEnumerable<double> u, IEnumerable<double> v) =>
    u.Zip(v, (p, q) => Math.Abs(p - q)).Max();

// At the last step nothing comes from the future ($dz^{\langle T+1 \rangle} = 0$), so
// $da^{\langle T \rangle} = W_{ya}^{\top} (\hat{y}^{\langle T \rangle} - y^{\langle T \rangle})$. One step earlier the
// recurrence adds $W_{aa}^{\top} dz^{\langle T \rangle}$:

double[] Dzy(int t) { var d = Col(cache.YHat(t)); d[targets[t - 1]] -= 1; return d; } // yHat - y
var daT = TransposeTimes(tiny.Parameters.Wya, Dzy(T));                    // da<T>
var aT = Col(cache.A(T));
var dzT = daT.Select((d, i) => d * (1 - aT[i] * aT[i])).ToArray();        // dz<T>
var daBefore = TransposeTimes(tiny.Parameters.Wya, Dzy(T - 1))
    .Zip(TransposeTimes(tiny.Parameters.Waa, dzT), (p, q) => p + q).ToArray(); // da<T-1>
Report("da at T, largest difference from the library", LargestDifference(daT, Col(library.dA[T - 1])));
Report("da at T-1, largest difference from the library",
    LargestDifference(daBefore, Col(library.dA[T - 2])));
NotebookScript.Show(Tables.FromRecords(new[] { ("da<T>", daT), ("da<T-1>", daBefore) }.Select(row =>
    new { gradient = row.Item1, values = string.Join(", ", row.Item2.Select(v => v.ToString("F5"))) })));

// ### All of BPTT by hand
//
// The same two lines in a loop from $t = T$ down to 1, plus the sums of steps 2 and 5, which add an outer product
// $u v^{\top}$ (or a vector) per step. The flag `throughTime` lets us switch off the term
// $W_{aa}^{\top} dz^{\langle t+1 \rangle}$ of step 3, the one a first attempt most easily forgets: we use it in the
// next section.

void AddOuter(double[,] g, double[] u, double[] v)                    // g += u v^T
{
    for (int i = 0; i < u.Length; i++) for (int k = 0; k < v.Length; k++) g[i, k] += u[i] * v[k];
}
double[] OneHot(int token) => Enumerable.Range(0, 4).Select(k => k == token ? 1.0 : 0.0).ToArray();
double[] One = [1.0];                                 // a bias is a weight on a constant 1

Dictionary<string, double[,]> BpttByHand(bool throughTime = true)
{
    var g = new Dictionary<string, double[,]>
    {
        ["Waa"] = new double[3, 3], ["Wax"] = new double[3, 4], ["Wya"] = new double[4, 3],
        ["Ba"] = new double[3, 1], ["By"] = new double[4, 1],
    };
    var daNext = new double[3];                                 // Waa^T dz<t+1>; 0 after step T
    for (int t = T; t >= 1; t--)
    {
        var (a, aPrev, dzy) = (Col(cache.A(t)), Col(cache.A(t - 1)), Dzy(t)); // step 1: dz_y<t>
        AddOuter(g["Wya"], dzy, a);                                            // step 2
        AddOuter(g["By"], dzy, One);
        var da = TransposeTimes(tiny.Parameters.Wya, dzy)                      // step 3
            .Zip(daNext, (p, q) => p + (throughTime ? q : 0)).ToArray();
        var dz = da.Select((d, i) => d * (1 - a[i] * a[i])).ToArray();         // step 4: through tanh
        AddOuter(g["Waa"], dz, aPrev);                                         // step 5
        AddOuter(g["Wax"], dz, OneHot(inputs[t - 1]));
        AddOuter(g["Ba"], dz, One);
        daNext = TransposeTimes(tiny.Parameters.Waa, dz);                      // for step t - 1
    }
    return g;
}

var byHand = BpttByHand();
var libraryGradients = library.Tensors.ToDictionary(g => g.Name[1..], g => g.Values); // "dWaa" -> "Waa"
var comparison = byHand.Select(kv => new
{
    parameter = kv.Key, shape = $"({kv.Value.GetLength(0)}, {kv.Value.GetLength(1)})",
    largestDifference = LargestDifference(kv.Value.Cast<double>(), libraryGradients[kv.Key]),
}).ToList();
Report("BPTT by hand, largest difference from the library",
    comparison.Max(c => c.largestDifference));
NotebookScript.Show(Tables.FromRecords(comparison));

// ## 3. Trust, but check: gradients against finite differences
//
// Agreeing with the library only shows that two programs agree. The definition of a derivative is an independent
// referee: nudge one parameter $\theta$ by $\pm\varepsilon$ and measure the loss,
//
// $$\frac{\partial \mathcal{L}}{\partial \theta} \approx \frac{\mathcal{L}(\theta + \varepsilon) - \mathcal{L}(\theta - \varepsilon)}{2 \varepsilon}, \qquad \text{error } O(\varepsilon^2)$$
//
// `GradientCheck.Run` does this for every value of every parameter, and for $a^{\langle 0 \rangle}$ when one is given,
// and compares with BPTT through the relative error
//
// $$\frac{\lVert g_{\text{BPTT}} - g_{\text{numeric}} \rVert}{\lVert g_{\text{BPTT}} \rVert + \lVert g_{\text{numeric}} \rVert}$$
//
// Around $10^{-7}$ or below means right (the rest is rounding); a bug gives something like $10^{-2}$ or more. Here with
// a random $a^{\langle 0 \rangle}$ and a batch of $m = 3$ sequences, so every path of the derivation is exercised:

var draw = new Random(5);
int[][] batchTokens = Enumerable.Range(0, 6)
    .Select(_ => new[] { draw.Next(4), draw.Next(4), draw.Next(4) }).ToArray(); // [t - 1][j], m = 3
var checkX = SequenceBatch.OneHot(4, batchTokens[..5]);
var checkY = SequenceTargets.ClassIndices(batchTokens[1..]);
var a0 = new Matrix(3, 3);
for (int i = 0; i < a0.Data.Length; i++) a0.Data[i] = draw.NextDouble() - 0.5;
var check = GradientCheck.Run(tiny, checkX, checkY, a0);
Report("gradient check, worst relative error", check.Max(r => r.RelativeError));
NotebookScript.Show(Tables.FromRecords(check.Select(r => new
{
    parameter = r.Name, values = r.Count, relativeError = r.RelativeError.ToString("E1"),
    largestDifference = r.MaxAbsoluteDifference.ToString("E1"),
    gradientNorm = Math.Round(r.AnalyticNorm, 4),
})));

// Now the bug. Drop the recurrent term of step 3, as if each step's loss depended only on that step's state, and check
// $dW_{aa}$ from `BpttByHand(throughTime: false)` against finite differences of the tiny model's loss:

var wrong = BpttByHand(throughTime: false)["Waa"].Cast<double>().ToArray();
var tinyY = SequenceTargets.ClassIndices(targets);
double TinyLoss() => tiny.Loss(tiny.Forward(SequenceBatch.OneHot(4, inputs)), tinyY);
var derived = byHand["Waa"].Cast<double>().ToArray();
var caught = GradientCheck.Compare("Waa, without the recurrent term", tiny.Parameters.Waa.Data, wrong, TinyLoss);
var right = GradientCheck.Compare("Waa, derived", tiny.Parameters.Waa.Data, derived, TinyLoss);
Report("relative error without the recurrent term", caught.RelativeError);
Report("relative error of the derived gradient", right.RelativeError);

// The derived gradient passes with an error near rounding; the one without the recurrent term fails by many orders
// of magnitude. The check needs no second implementation to compare with, only the loss: that is why every gradient
// in this course's library is tested this way (300 random problems in its tests).
//
// ## 4. Vanishing and exploding gradients
//
// Unroll step 3. Put the only loss at the last step $T$; then for $s < T$ the gradient reaching $a^{\langle s \rangle}$
// is a product of one factor per step in between:
//
// $$da^{\langle s \rangle} = \left( \prod_{u=s+1}^{T} W_{aa}^{\top} \operatorname{diag}\left(g_1'\left(z^{\langle u \rangle}\right)\right) \right) W_{ya}^{\top}\, dz_y^{\langle T \rangle}$$
//
// Each factor stretches or shrinks the vector. If the typical stretch is below 1, $\lVert da^{\langle s \rangle} \rVert$
// shrinks exponentially as $s$ moves away from $T$, and the early steps learn nothing from the last loss: the gradient
// **vanishes**. Above 1, it grows exponentially and one update can wreck the weights: it **explodes**. $W_{aa}$ sets the
// stretch through its spectral radius $\rho$, and $g_1'$ shrinks it: $\tanh' \le 1$, and ReLU' is 0 for every unit
// that is off. We take $W_{aa}$ = an orthogonal matrix times $\rho$ (spectral radius exactly $\rho$), $n_a = 32$, 60
// random tokens, a loss only at $t = 60$, and ask the library for every $da^{\langle t \rangle}$ (`KeepDA`).

var random = new Random(1);
int[] randomTokens = Enumerable.Range(0, 60).Select(_ => random.Next(10)).ToArray();
var lastX = SequenceBatch.OneHot(10, randomTokens);
var lastY = SequenceTargets.ClassIndices(randomTokens.Select(k => new[] { k }).ToArray(),
    SequenceTargets.LastStepOnly([60], 60));                         // weight 1 at t = 60 only
double[] GradientNorms(Activation g1, double rho)
{
    var net = Rnn.Create(nX: 10, nA: 32, nY: 10, seed: 1, g1: g1);   // Waa orthogonal
    for (int i = 0; i < net.Parameters.Waa.Data.Length; i++) net.Parameters.Waa.Data[i] *= rho;
    var g = net.Backward(net.Forward(lastX), lastY, new BackwardOptions { KeepDA = true });
    return g.dA!.Select(Norm).ToArray();                              // ||dL/da<t>||, t = 1 .. 60
}
double[] radii = [0.5, 0.9, 1.0, 1.5, 2.0];
var norms = radii.ToDictionary(rho => rho,
    rho => (Tanh: GradientNorms(Activation.Tanh, rho), Relu: GradientNorms(Activation.Relu, rho)));
double Log10Ratio(double[] norm) => Math.Log10(norm[0] / norm[^1]);   // ||da<1>|| / ||da<60>||

Report("tanh, rho 0.5: log10 of gradient at t=1 over t=60", Log10Ratio(norms[0.5].Tanh));
Report("tanh, rho 1: log10 of gradient at t=1 over t=60", Log10Ratio(norms[1.0].Tanh));
Report("tanh, rho 2: log10 of gradient at t=1 over t=60", Log10Ratio(norms[2.0].Tanh));
NotebookScript.Show(Charts.Lines("tanh: ‖dL/da⟨t⟩‖ with the only loss at t = 60", "t", "‖dL/da⟨t⟩‖",
    radii.Select(rho => Series.Of($"ρ = {rho}", norms[rho].Tanh)), logY: true));

Report("relu, rho 1: log10 of gradient at t=1 over t=60", Log10Ratio(norms[1.0].Relu));
Report("relu, rho 2: log10 of gradient at t=1 over t=60", Log10Ratio(norms[2.0].Relu));
NotebookScript.Show(Charts.Lines("ReLU: ‖dL/da⟨t⟩‖ with the only loss at t = 60", "t", "‖dL/da⟨t⟩‖",
    radii.Select(rho => Series.Of($"ρ = {rho}", norms[rho].Relu)), logY: true));

// Read the charts from right to left, backwards in time. With $\rho \le 1$ the gradient vanishes with both activations:
// even at $\rho = 1$, where $W_{aa}$ keeps lengths, the slopes of $g_1$ shrink it by several orders of magnitude over
// 59 steps. With $\rho = 2$ it explodes: moderately for tanh, whose saturation (notebook 02) caps the growth, and by
// many orders of magnitude for ReLU, whose forward state explodes too. The reported figures are
// $\log_{10}\left(\lVert da^{\langle 1 \rangle} \rVert / \lVert da^{\langle 60 \rangle} \rVert\right)$: $-5$ means
// the gradient reaching $t = 1$ is $10^5$ times smaller than at $t = 60$.
//
// A $\rho$ between 1 and 1.5 would balance the two ends for these weights and these inputs, but training changes
// $W_{aa}$ and the saturation at every update, and nothing keeps the balance: that is the problem GRUs and LSTMs
// (notebook 08) were made for. Exploding gradients at least have a simple cure.
//
// ## 5. Gradient clipping
//
// When the global norm of all gradients exceeds a threshold $c$, scale them all down to norm $c$:
//
// $$g \leftarrow g \cdot \min\left(1, \frac{c}{\lVert g \rVert}\right), \qquad \lVert g \rVert = \sqrt{\sum_{\theta} \sum_i \left(d\theta_i\right)^2}$$
//
// The direction of the update is kept; only a step that would be huge is shortened. A run that explodes: the character
// model with SGD and momentum (learning rate 0.005, momentum 0.9), windows of 48 characters, 400 updates, without and
// with clipping at $c = 1$ (`TrainerOptions.ClipNorm`).

var textIds = vocabulary.Encode(text);
(double[] Loss, double[] Norm) Run(double? clipNorm)
{
    var net = Rnn.Create(nX: n, nA: 64, nY: n, seed: 1);
    var options = new TrainerOptions { ClipNorm = clipNorm };
    var trainer = new Trainer(net, new Sgd(0.005, momentum: 0.9), options);
    var windows = new TextWindows(textIds, n, length: 48, batchSize: 16, seed: 1);
    var (loss, norm) = (new List<double>(), new List<double>());
    for (int update = 0; update < 400; update++)
    {
        var batch = windows.Next();
        trainer.Fit([batch], epochs: 1, onStep: p =>
        {
            loss.Add(p.Loss / (48 * 16));
            norm.Add(p.GradientNorm);                           // ||g|| before clipping
        });
    }
    return (loss.ToArray(), norm.ToArray());
}
var (plain, clipped) = (Run(null), Run(1.0));

Report("without clipping, final loss per character", plain.Loss[^1]);
Report("without clipping, largest loss per character", plain.Loss.Max());
Report("without clipping, lowest loss per character over the last 100 updates",
    plain.Loss[^100..].Min());
Report("with clipping, final loss per character", clipped.Loss[^1]);
NotebookScript.Show(Charts.LossCurves("The same run without and with gradient clipping (SGD, learning rate 0.005)",
    [Series.Of("no clipping", plain.Loss), Series.Of("clipped at norm 1", clipped.Loss),
     Series.Of("log n_y (uniform guess)", plain.Loss.Select(_ => Math.Log(n)).ToArray())],
    "loss per character", logY: true));

// Without clipping, the first large gradients throw the weights far away: the logits become huge and confidently
// wrong, the loss shoots up to hundreds of nats per character, and it does not come back below a uniform guess (figure
// `without clipping, lowest loss per character over the last 100 updates`). With clipping the same run learns steadily.
// The gradient norms, measured before clipping, show why:

Report("without clipping, largest gradient norm", plain.Norm.Max());
Report("without clipping, median gradient norm over the last 100 updates",
    plain.Norm[^100..].Order().ElementAt(50));
Report("with clipping, smallest gradient norm", clipped.Norm.Min());
NotebookScript.Show(Charts.Lines("Global gradient norm ‖g‖ during the two runs", "update", "‖g‖",
    [Series.Of("no clipping", plain.Norm), Series.Of("clipped at norm 1", clipped.Norm)],
    logY: true));

// Without clipping, the gradients stay in the thousands after the first jumps, so every update is another large jump
// with momentum behind it. With clipping, every gradient of this run is above 1 (figure `with clipping, smallest
// gradient norm`), so every update is cut to norm 1: each step moves the weights by at most the learning rate times 1
// (momentum aside), whatever the loss surface does. Clipping turns a step that could be anything into a step of known
// size. Its norms stay in the hundreds because the loss is summed over $48 \times 16 = 768$ characters, so its gradient
// is large by construction; clipping is what keeps that from mattering.
//
// ## 6. Truncated BPTT
//
// BPTT over a long text costs memory and time in proportion to its length. **Truncated** BPTT cuts the sequence into
// chunks of $k$ steps: the forward pass carries $a^{\langle t \rangle}$ from chunk to chunk, but the backward pass stops
// at each chunk's start, as if $dz^{\langle t \rangle} = 0$ beyond it, and the weights are updated after every chunk
// (`TrainerOptions.TruncateAfter = k`).
//
// What does it cost in what can be learned? A task with a dependency of known length answers it: read random symbols
// and at every step output the symbol read $d = 4$ steps earlier, $y^{\langle t \rangle} = x^{\langle t-4 \rangle}$
// (`DelayedEcho`, 4 symbols, 30 steps, the first $d$ steps not scored). To learn it, the gradient from the output at
// $t$ must reach the input at $t - 4$.

var echoTest = new DelayedEcho(symbols: 4, length: 30, delay: 4, seed: 99).Next(64);
double EchoAccuracy(Rnn net)
{
    var c = net.Forward(echoTest.X);
    var right = from t in Enumerable.Range(5, 26)                   // the scored steps, t > d
                from j in Enumerable.Range(0, 64)
                let p = c.YHat(t).Column(j)
                select Array.IndexOf(p, p.Max()) == echoTest.Y.Class(t, j) ? 1.0 : 0.0;
    return right.Average();
}
int?[] truncations = [null, 8, 5, 4, 2];
var echo = truncations.ToDictionary(k => k?.ToString() ?? "full", k =>
{
    var net = Rnn.Create(nX: 4, nA: 32, nY: 4, seed: 1);
    var options = new TrainerOptions { ClipNorm = 5, TruncateAfter = k };   // k = null: full BPTT
    var trainer = new Trainer(net, new Adam(0.01), options);
    var task = new DelayedEcho(4, 30, 4, seed: 1);
    var losses = Enumerable.Range(0, 600).Select(_ =>
    {
        var (xs, ys) = task.Next(32);
        return trainer.Step(xs, ys) / (26 * 32);                // 26 scored steps, 32 sequences
    }).ToArray();
    Console.WriteLine($"k = {k?.ToString() ?? "full (30)",-9} accuracy {EchoAccuracy(net):F3}");
    return (Losses: losses, Accuracy: EchoAccuracy(net));
});

foreach (var (k, run) in echo) Report($"echo accuracy, k {k}", run.Accuracy);
Report("echo k 4, lowest loss in the first 50 updates", echo["4"].Losses[..50].Min());
Report("echo k 4, loss over the last 50 updates", echo["4"].Losses[^50..].Average());
NotebookScript.Show(Charts.LossCurves("Delayed echo (d = 4): training loss for each truncation k",
    echo.Select(kv => Series.Of($"k = {kv.Key}", kv.Value.Losses)), "loss per scored step"));

// The result is sharp: with $k > d$ the echo is learned perfectly; with $k \le d$ the accuracy ends below 0.45, not
// far above the $1/4$ of guessing. With $k = 5$ only one output in five has its answer inside its own chunk, and that is
// enough; with $k = 4$ none has, so no gradient ever connects an output to its answer.
//
// The truncated runs' curves tell a subtler story. At first their loss falls too (figure `echo k 4, lowest loss in the
// first 50 updates`): the random recurrent weights happen to carry a symbol for a few steps, as any such system does,
// and the output layer, whose gradient $dW_{ya}$ needs no trip back through time, learns to read it off
// $a^{\langle t \rangle}$. Then the loss climbs back towards $\log 4 \approx 1.39$, the cost of guessing (`echo k 4,
// loss over the last 50 updates`): $W_{aa}$ is trained by gradients that never see an answer more than $k$ steps back,
// so nothing rewards keeping the symbol, and the memory fades. Truncation does not stop the state from *carrying*
// information across chunks, the forward pass does that; it stops the network from *learning* to carry it. Choose $k$
// longer than the dependencies the model has to learn.
//
// ## 7. A first training run, end to end
//
// Everything together: the character model of section 1 ($n_a = 64$), Adam (learning rate 0.005), clipping at norm 5,
// full BPTT on random windows of 48 characters, 32 windows per batch, 1500 updates. Every few hundred updates it prints
// the loss and a sample, generated by feeding each sampled character back in as the next input.

var sampler = new Sampler(seed: 7);
string Sample(int length, double temperature) =>
    vocabulary.Decode(sampler.Generate(model, vocabulary.IndexOf('.'), length, temperature));
var charTrainer = new Trainer(model, new Adam(0.005), new TrainerOptions { ClipNorm = 5 });
var charWindows = new TextWindows(textIds, n, length: 48, batchSize: 32, seed: 1);
var losses = new List<double>();
for (int update = 1; update <= 1500; update++)
{
    var (xs, ys) = charWindows.Next();
    losses.Add(charTrainer.Step(xs, ys) / (48 * 32));
    if (update is 1 or 100 or 300 or 1500)
        Console.WriteLine($"update {update,4}, loss {losses[^1]:F3}: {Sample(70, 1.0)}");
}

string heldOut = StoryText.Generate(200, seed: 2);       // sentences the model never saw
var heldIds = vocabulary.Encode(heldOut);
var heldLoss = model.Loss(model.Forward(SequenceBatch.OneHot(n, heldIds[..^1])),
    SequenceTargets.ClassIndices(heldIds[1..]));
Report("final training loss per character", losses.TakeLast(50).Average());
Report("held-out loss per character", heldLoss / (heldIds.Length - 1));
NotebookScript.Show(Charts.LossCurves("Character model: training loss", [Series.Of("loss per character", losses.ToArray())],
    "loss per character"));

// The held-out loss, on 200 sentences generated with another seed, is close to the training loss: the model learned the
// grammar, not the particular sentences. How much of what it writes is real words? `StoryText.RealWordShare` counts the
// share of complete words in a sample that the grammar can write.
//
// ### Sampling temperature
//
// Sampling draws the next character from the softmax of the logits divided by a temperature $\tau$:
//
// $$P\left(x^{\langle t+1 \rangle} = k\right) = \frac{e^{z_{y,k}^{\langle t \rangle} / \tau}}{\sum_{j=1}^{n_y} e^{z_{y,j}^{\langle t \rangle} / \tau}}$$
//
// $\tau = 1$ samples the model as trained; $\tau < 1$ sharpens the distribution towards the likeliest character (safer,
// more repetitive); $\tau > 1$ flattens it (more varied, more mistakes). Five samples of 300 characters at each
// temperature:

var temperatures = new[] { 0.5, 1.0, 1.5 }.Select(tau =>
{
    var samples = Enumerable.Range(0, 5).Select(_ => Sample(300, tau)).ToArray();
    double realWords = samples.Average(StoryText.RealWordShare);
    return new { temperature = tau, realWords = Math.Round(realWords, 3), sample = samples[0][..90] };
}).ToList();
foreach (var row in temperatures)
    Report($"real word share at temperature {row.temperature}", row.realWords);
NotebookScript.Show(Tables.FromRecords(temperatures));

// At $\tau = 0.5$ nearly every word is a real word of the text; at $\tau = 1$ still most; at $\tau = 1.5$ the model
// invents noticeably more words of its own.

Report("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - The loss of a sequence is the sum of the per-step losses, $\mathcal{L} = \sum_t \mathcal{L}^{\langle t \rangle}$.
// - BPTT is the chain rule run backwards through time. With softmax and cross-entropy,
//   $dz_y^{\langle t \rangle} = \hat{y}^{\langle t \rangle} - y^{\langle t \rangle}$; the hidden state collects
//   $da^{\langle t \rangle} = W_{ya}^{\top} dz_y^{\langle t \rangle} + W_{aa}^{\top} dz^{\langle t+1 \rangle}$;
//   $dz^{\langle t \rangle} = da^{\langle t \rangle} \odot (1 - (a^{\langle t \rangle})^2)$; and every weight
//   gradient is a sum over the steps.
// - A gradient check against central differences is the independent test: a relative error near $10^{-7}$ or below
//   means right, and it catches the forgotten recurrent term at once.
// - The gradient reaching step $s$ from step $T$ is a product of $T - s$ factors $W_{aa}^{\top}\operatorname{diag}(g_1')$:
//   it vanishes or explodes exponentially, depending on the spectral radius of $W_{aa}$ and on $g_1$.
// - Clipping the gradient norm tames explosions; truncated BPTT after $k$ steps cannot learn dependencies of $k$ steps
//   or more.
// - A character model trained end to end writes mostly real words; the temperature trades safety for variety.
//
// ## Exercises
//
// 1. Switch `BpttByHand` to ReLU: replace $1 - a^2$ by $[a > 0]$, build `tiny` with `g1: Activation.Relu`, and check
//    it against `GradientCheck.Run`.
// 2. Repeat the gradient check with `epsilon: 1e-2` and `epsilon: 1e-9`. Why does the error grow both ways?
// 3. In section 4, find the $\rho$ at which tanh's $\lVert da^{\langle 1 \rangle} \rVert$ and
//    $\lVert da^{\langle 60 \rangle} \rVert$ are about equal. Is the gradient flat in between?
// 4. In section 5, clip by value instead (`ClipValue = 0.1`) and compare the loss curve with norm clipping.
// 5. Run the delayed echo with $d = 8$: which truncations learn it now? Then train the character model with
//    `TruncateAfter = 8` and compare its held-out loss and real-word share with full BPTT.
