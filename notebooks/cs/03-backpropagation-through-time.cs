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
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Exercises;
using RnnNotebooks.Plots;
using static RnnNotebooks.Exercises.Checks;
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
// The core (`RnnNotebooks`), the datasets (`RnnNotebooks.Data`), the charts (`RnnNotebooks.Plots`) and the exercises'
// graders with the checks every notebook uses (`RnnNotebooks.Exercises`), built by
// `dotnet build` at the repository root; Plotly.NET.Interactive shows charts as cell outputs.

var clock = System.Diagnostics.Stopwatch.StartNew();

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
// The same holds for the other head of notebook 02, a sigmoid $\hat{y}_k = \sigma(z_k)$ with the binary cross-entropy
// $\mathcal{L}^{\langle t \rangle} = -\sum_k \left( y_k \log \hat{y}_k + (1 - y_k) \log(1 - \hat{y}_k) \right)$, each output on
// its own. With $\sigma'(z) = \sigma(z)\,(1 - \sigma(z)) = \hat{y}_k (1 - \hat{y}_k)$:
//
// $$\frac{\partial \mathcal{L}}{\partial z_k} = \left( -\frac{y_k}{\hat{y}_k} + \frac{1 - y_k}{1 - \hat{y}_k} \right) \hat{y}_k (1 - \hat{y}_k) = -y_k (1 - \hat{y}_k) + (1 - y_k)\, \hat{y}_k = \hat{y}_k - y_k$$
//
// Each loss is the one that makes its head's slope cancel; that is why they go together.
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
// $da^{\langle t \rangle}$ for us to compare. Two helpers: $W^{\top} v$ and the column of a $(\cdot, 1)$ matrix (`LargestDifference` comes from the library).

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

// ### Your turn: the gradient of the softmax loss
//
// Write step 1 for a batch: given the logits $z$ $(n_y, m)$ and one-hot targets $y$ $(n_y, m)$, return
// $\partial \mathcal{L} / \partial z = \operatorname{softmax}(z) - y$, the softmax taken column by column. The check
// compares with the library and with central differences of the cross-entropy, and says which entry is wrong. (As for
// every exercise, `rnnbook run` runs the notebook's solution after your cell; `rnnbook run --as-written` grades yours.)

// Exercise: the notebook leaves this body to the reader:
// // dL/dz = softmax(z) - y, column by column, for L = -sum over columns of sum_k y_k log softmax(z)_k.
// // z (n_y, m), y (n_y, m) one-hot columns; return dz (n_y, m).
// Matrix SoftmaxGradient(Matrix z, Matrix y)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
Matrix SoftmaxGradient(Matrix z, Matrix y)
{
    var dz = new Matrix(z.Rows, z.Cols);
    for (int j = 0; j < z.Cols; j++)
    {
        double max = Enumerable.Range(0, z.Rows).Max(k => z[k, j]);              // for a stable exp
        double sum = Enumerable.Range(0, z.Rows).Sum(k => Math.Exp(z[k, j] - max));
        for (int k = 0; k < z.Rows; k++)
            dz[k, j] = Math.Exp(z[k, j] - max) / sum - y[k, j];                 // yHat - y
    }
    return dz;
}

// <details><summary>Hint</summary>
//
// For each column `j`: $\hat{y}_k = e^{z_{kj}} / \sum_i e^{z_{ij}}$, then subtract `y[k, j]`. Subtracting the column's
// largest $z$ before `Math.Exp` changes nothing in $\hat{y}$ and keeps the exponentials from overflowing.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// Matrix SoftmaxGradient(Matrix z, Matrix y)
// {
//     var dz = new Matrix(z.Rows, z.Cols);
//     for (int j = 0; j < z.Cols; j++)
//     {
//         double max = Enumerable.Range(0, z.Rows).Max(k => z[k, j]);              // for a stable exp
//         double sum = Enumerable.Range(0, z.Rows).Sum(k => Math.Exp(z[k, j] - max));
//         for (int k = 0; k < z.Rows; k++)
//             dz[k, j] = Math.Exp(z[k, j] - max) / sum - y[k, j];                 // yHat - y
//     }
//     return dz;
// }
// ```
//
// </details>

var softmaxVerdict = Grade.SoftmaxGradient(SoftmaxGradient);
Report("exercise softmax-gradient passed", softmaxVerdict.Passed ? 1 : 0);
NotebookScript.Show(softmaxVerdict);

// ### Your turn: one step of BPTT
//
// Now steps 4 and 5 for one time step and a batch. You get $da^{\langle t \rangle}$, everything that reaches
// $a^{\langle t \rangle}$ (from its output and from step $t+1$), the states $a^{\langle t \rangle}$ and
// $a^{\langle t-1 \rangle}$, the input $x^{\langle t \rangle}$ and $W_{aa}$. Return $dz^{\langle t \rangle}$, this step's
// contributions to $dW_{aa}$, $dW_{ax}$, $db_a$ (summed over the $m$ columns), and $da^{\langle t-1 \rangle} = W_{aa}^{\top} dz^{\langle t \rangle}$,
// as `new StepGradients(dz, dWaa, dWax, dba, daPrev)`. The check compares each with the library's backward pass and with
// central differences, and names a forgotten slope, a transposed matrix or a wrong shape.

// Exercise: the notebook leaves this body to the reader:
// // dz = da ⊙ (1 - a²); dWaa = dz a<t-1>ᵀ; dWax = dz x<t>ᵀ; dba = dz summed over the m columns; da<t-1> = Waaᵀ dz.
// // da, a, aPrev (n_a, m); x (n_x, m); Waa (n_a, n_a).
// StepGradients BpttStep(Matrix da, Matrix a, Matrix aPrev, Matrix x, Matrix Waa)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
StepGradients BpttStep(Matrix da, Matrix a, Matrix aPrev, Matrix x, Matrix Waa)
{
    int nA = a.Rows, nX = x.Rows, m = a.Cols;
    var dz = new Matrix(nA, m);
    for (int i = 0; i < nA; i++)
        for (int j = 0; j < m; j++)
            dz[i, j] = da[i, j] * (1 - a[i, j] * a[i, j]);                    // dz = da ⊙ tanh'(z) = da ⊙ (1 - a²)
    var (dWaa, dWax, dba, daPrev) = (new Matrix(nA, nA), new Matrix(nA, nX), new double[nA], new Matrix(nA, m));
    for (int i = 0; i < nA; i++)
        for (int j = 0; j < m; j++)
        {
            for (int k = 0; k < nA; k++) dWaa[i, k] += dz[i, j] * aPrev[k, j]; // dz a<t-1>ᵀ
            for (int k = 0; k < nX; k++) dWax[i, k] += dz[i, j] * x[k, j];     // dz x<t>ᵀ
            dba[i] += dz[i, j];                                                // summed over the batch
            for (int k = 0; k < nA; k++) daPrev[k, j] += Waa[i, k] * dz[i, j]; // Waaᵀ dz
        }
    return new StepGradients(dz, dWaa, dWax, dba, daPrev);
}

// <details><summary>Hint</summary>
//
// Compute `dz` first, entry by entry. Then every other result is a sum over the batch index `j`: `dWaa[i, k]` adds
// `dz[i, j] * aPrev[k, j]`, `dWax[i, k]` adds `dz[i, j] * x[k, j]`, `dba[i]` adds `dz[i, j]`, and `daPrev[k, j]` adds
// `Waa[i, k] * dz[i, j]` (the transpose: `Waa[i, k]`, not `Waa[k, i]`).
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// StepGradients BpttStep(Matrix da, Matrix a, Matrix aPrev, Matrix x, Matrix Waa)
// {
//     int nA = a.Rows, nX = x.Rows, m = a.Cols;
//     var dz = new Matrix(nA, m);
//     for (int i = 0; i < nA; i++)
//         for (int j = 0; j < m; j++)
//             dz[i, j] = da[i, j] * (1 - a[i, j] * a[i, j]);                    // dz = da ⊙ tanh'(z) = da ⊙ (1 - a²)
//     var (dWaa, dWax, dba, daPrev) = (new Matrix(nA, nA), new Matrix(nA, nX), new double[nA], new Matrix(nA, m));
//     for (int i = 0; i < nA; i++)
//         for (int j = 0; j < m; j++)
//         {
//             for (int k = 0; k < nA; k++) dWaa[i, k] += dz[i, j] * aPrev[k, j]; // dz a<t-1>ᵀ
//             for (int k = 0; k < nX; k++) dWax[i, k] += dz[i, j] * x[k, j];     // dz x<t>ᵀ
//             dba[i] += dz[i, j];                                                // summed over the batch
//             for (int k = 0; k < nA; k++) daPrev[k, j] += Waa[i, k] * dz[i, j]; // Waaᵀ dz
//         }
//     return new StepGradients(dz, dWaa, dWax, dba, daPrev);
// }
// ```
//
// </details>

var bpttVerdict = Grade.BpttStep(BpttStep);
Report("exercise bptt-step passed", bpttVerdict.Passed ? 1 : 0);
NotebookScript.Show(bpttVerdict);

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
    largestDifference = LargestDifference(kv.Value.Cast<double>().ToArray(), libraryGradients[kv.Key]),
}).ToList();
Report("BPTT by hand, largest difference from the library",
    comparison.Max(c => c.largestDifference));
NotebookScript.Show(Tables.FromRecords(comparison));

// ## 3. Trust, but check: gradients against finite differences
//
// This section checks the tiny model `tiny` of section 2, with its `inputs`, `targets` and `BpttByHand`.
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
// This section builds its own networks.
//
// Unroll step 3. Put the only loss at the last step $T$; then for $s < T$ the gradient reaching $a^{\langle s \rangle}$
// is a product of one factor per step in between:
//
// $$da^{\langle s \rangle} = \left( \prod_{u=s+1}^{T} W_{aa}^{\top} \operatorname{diag}\left(g_1'\left(z^{\langle u \rangle}\right)\right) \right) W_{ya}^{\top}\, dz_y^{\langle T \rangle}$$
//
// Each factor stretches or shrinks the vector. If the typical stretch is below 1, $\lVert da^{\langle s \rangle} \rVert$
// shrinks exponentially as $s$ moves away from $T$, and the early steps learn nothing from the last loss: the gradient
// **vanishes**. Above 1, it grows exponentially and one update can wreck the weights: it **explodes**. In general each factor stretches a vector by at most
// $\sigma_{\max}(W_{aa}) \cdot \max \lvert g_1' \rvert$, the largest singular value of $W_{aa}$ times the largest slope
// ($\tanh' \le 1$, and ReLU' is 0 for every unit that is off), so
//
// $$\lVert da^{\langle s \rangle} \rVert \le \left( \sigma_{\max}(W_{aa}) \max_u \left\lVert g_1'\left(z^{\langle u \rangle}\right) \right\rVert_\infty \right)^{T-s} \lVert W_{ya}^{\top}\, dz_y^{\langle T \rangle} \rVert$$
//
// and the gradient surely vanishes when that product is below 1. The **spectral radius** $\rho$, the largest
// $\lvert \lambda \rvert$ of the eigenvalues, tells the long-run rate of $W_{aa}^k$; it equals $\sigma_{\max}$ only for
// normal matrices, such as the scaled orthogonal ones used here. We take $W_{aa}$ = an orthogonal matrix times $\rho$
// (every singular value and every $\lvert \lambda \rvert$ exactly $\rho$), $n_a = 32$, 60
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
    return g.dA!.Select(da => Norm(da)).ToArray();                              // ||dL/da<t>||, t = 1 .. 60
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
// $W_{aa}$ and the saturation at every update, and nothing keeps the balance: that is the problem gated cells, GRUs and LSTMs, were made for (notebook 08, *GRU and LSTM*, trains both against this RNN on a long-range task).
// Exploding gradients at least have a simple cure.
//
// ## 5. Gradient clipping
//
// This section trains new character models on section 1's `text` (with its `vocabulary` and `n`).
//
// When the global norm of all gradients exceeds a threshold $c$, scale them all down to norm $c$:
//
// $$g \leftarrow g \cdot \min\left(1, \frac{c}{\lVert g \rVert}\right), \qquad \lVert g \rVert = \sqrt{\sum_{\theta} \sum_i \left(d\theta_i\right)^2}$$
//
// The direction of the update is kept; only a step that would be huge is shortened.

// ### Your turn: clipping by global norm
//
// Write the formula above. The norm is **global**: one $\lVert g \rVert$ over every gradient together, and every
// gradient is scaled by the same factor, so the update keeps its direction. (Clipping each gradient by its own norm
// changes the direction; the check tells the two apart.)

// Exercise: the notebook leaves this body to the reader:
// // ||g|| = sqrt(sum over every gradient of g²); if ||g|| > maxNorm, multiply every gradient by maxNorm / ||g||.
// // Return the clipped gradients (changing the given ones in place and returning them is fine).
// Matrix[] ClipByGlobalNorm(Matrix[] gradients, double maxNorm)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
Matrix[] ClipByGlobalNorm(Matrix[] gradients, double maxNorm)
{
    double norm = Math.Sqrt(gradients.Sum(g => g.Data.Sum(v => v * v)));   // ||g|| over all of them
    if (norm > maxNorm)
        foreach (var g in gradients)
            for (int i = 0; i < g.Data.Length; i++) g.Data[i] *= maxNorm / norm; // same factor for all
    return gradients;
}

// <details><summary>Hint</summary>
//
// First one sum of squares over all the gradients' `Data`, then its square root, then (only if it exceeds `maxNorm`)
// one loop that multiplies every value of every gradient by `maxNorm / norm`.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// Matrix[] ClipByGlobalNorm(Matrix[] gradients, double maxNorm)
// {
//     double norm = Math.Sqrt(gradients.Sum(g => g.Data.Sum(v => v * v)));   // ||g|| over all of them
//     if (norm > maxNorm)
//         foreach (var g in gradients)
//             for (int i = 0; i < g.Data.Length; i++) g.Data[i] *= maxNorm / norm; // same factor for all
//     return gradients;
// }
// ```
//
// </details>

var clipVerdict = Grade.ClipByGlobalNorm(ClipByGlobalNorm);
Report("exercise clip-by-norm passed", clipVerdict.Passed ? 1 : 0);
NotebookScript.Show(clipVerdict);

// ### The recurrent Jacobian explodes; clipping rescues the run
//
// Section 4 showed the gradient through time growing like a power of the recurrent Jacobian
// $W_{aa}^{\top} \operatorname{diag}(g_1')$ when $W_{aa}$ stretches. Now in training. Three runs of the character model
// ($n_a = 64$), plain SGD with learning rate 0.3 on the **mean** loss per character (the summed loss of the batch divided
// by its $48 \times 16$ characters, so the step size does not grow with the batch), 300 updates on the same windows:
//
// - $W_{aa}$ orthogonal, spectral radius 1: the control, no clipping;
// - $W_{aa}$ the same matrix times 2, spectral radius 2, no clipping;
// - spectral radius 2, clipped at $c = 1$.
//
// The loop is `Trainer`'s, written out so that it can record the norms of $dW_{aa}$, the gradient that flows back
// through time, and of $dW_{ya}$, the output layer's, which does not.

// ### A spectral radius below 1 is not enough
//
// A non-normal $W_{aa}$ can stretch vectors for many steps although $\rho < 1$. Take
//
// $$W_{aa} = \begin{bmatrix} 0.9 & 5 \\ 0 & 0.9 \end{bmatrix}, \qquad \lambda_1 = \lambda_2 = 0.9, \qquad W_{aa}^k = \begin{bmatrix} 0.9^k & 5k \cdot 0.9^{k-1} \\ 0 & 0.9^k \end{bmatrix}$$
//
// Its spectral radius is 0.9, but its largest singular value is above 5, and the norm of $W_{aa}^k$, the factor a
// gradient picks up over $k$ steps (with slopes of 1), first grows to about 19 before the $0.9^k$ wins:

double[,] nonNormal = { { 0.9, 5 }, { 0, 0.9 } };        // eigenvalues 0.9 and 0.9
var powerNorms = new double[60];
var power = new double[,] { { 1, 0 }, { 0, 1 } };
for (int k = 1; k <= 60; k++)
{
    var next = new double[2, 2];
    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int l = 0; l < 2; l++)
        next[i, j] += power[i, l] * nonNormal[l, j];     // Waa^k = Waa^(k-1) Waa
    power = next;
    powerNorms[k - 1] = Norm(Matrix.FromArray(power));   // ||Waa^k||, Frobenius
}
double trace = 0.81 + 25 + 0.81, det = 0.81 * 0.81;       // of Waaᵀ Waa
Report("non-normal Waa: largest singular value", Math.Sqrt((trace + Math.Sqrt(trace * trace - 4 * det)) / 2));
Report("non-normal Waa: largest norm of Waa^k", powerNorms.Max());
Report("non-normal Waa: k of the largest norm", Array.IndexOf(powerNorms, powerNorms.Max()) + 1);
NotebookScript.Show(Charts.Lines("‖Waa^k‖ for a non-normal Waa with spectral radius 0.9", "k", "‖Waa^k‖",
    [Series.Of("‖Waa^k‖", powerNorms)], logY: true));

var textIds = vocabulary.Encode(text);
const int clipRuns = 300, windowLength = 48, windows16 = 16;
(double[] Loss, double[] NormWaa, double[] NormWya) ClipRun(double rho, double? clipNorm)
{
    var net = Rnn.Create(nX: n, nA: 64, nY: n, seed: 1);                  // Waa orthogonal
    for (int i = 0; i < net.Parameters.Waa.Data.Length; i++) net.Parameters.Waa.Data[i] *= rho;
    var sgd = new Sgd(0.3);
    var windows = new TextWindows(textIds, n, length: windowLength, batchSize: windows16, seed: 1);
    var (loss, normWaa, normWya) = (new double[clipRuns], new double[clipRuns], new double[clipRuns]);
    for (int update = 0; update < clipRuns; update++)
    {
        var (xs, ys) = windows.Next();
        var (batchLoss, g) = net.LossAndGradients(xs, ys);
        double characters = windowLength * windows16;
        foreach (var tensor in g.Tensors)                                   // gradient of the mean loss
            for (int i = 0; i < tensor.Values.Length; i++) tensor.Values[i] /= characters;
        (loss[update], normWaa[update], normWya[update]) = (batchLoss / characters, Norm(g.dWaa), Norm(g.dWya));
        if (clipNorm is double c) GradientClipping.ByGlobalNorm(g.Tensors, c);
        sgd.Step(net.Parameters.Tensors, g.Tensors);
    }
    return (loss, normWaa, normWya);
}
var (control, exploding, rescued) = (ClipRun(1, null), ClipRun(2, null), ClipRun(2, 1.0));

double Last20(double[] loss) => loss[^20..].Average();
Report("spectral radius 1, no clipping: loss per character over the last 20 updates", Last20(control.Loss));
Report("spectral radius 2, no clipping: loss per character over the last 20 updates", Last20(exploding.Loss));
Report("spectral radius 2, clipped: loss per character over the last 20 updates", Last20(rescued.Loss));
NotebookScript.Show(Charts.LossCurves("Mean loss per character: the Jacobian explodes, clipping rescues (SGD, learning rate 0.3)",
    [Series.Of("ρ = 1, no clipping", control.Loss), Series.Of("ρ = 2, no clipping", exploding.Loss),
     Series.Of("ρ = 2, clipped at 1", rescued.Loss),
     Series.Of("log n_y (uniform guess)", control.Loss.Select(_ => Math.Log(n)).ToArray())],
    "loss per character"));

// With spectral radius 1 the run learns at this learning rate without any clipping (the first figure): the step size
// is not the problem. With spectral radius 2 the same run, with the same learning rate, stalls (here
// at about 2.6 nats per character over its last 20 updates) and never recovers. Over five seeds of the weights (`rnnbook
// sweep`), four such runs stalled between 2.6 and 3.1 nats; in the fifth the explosion stayed small and the run crept
// down to 2.3, still far behind the control's 0.94 to 0.98. Why, the norms of the two weight gradients tell, before any clipping:

int worst = Array.IndexOf(exploding.NormWaa, exploding.NormWaa.Max());
Report("spectral radius 2, no clipping: largest norm of dWaa", exploding.NormWaa.Max());
Report("spectral radius 2, no clipping: norm of dWya at that update", exploding.NormWya[worst]);
Report("spectral radius 2, no clipping: update of the largest dWaa", worst + 1);
Report("spectral radius 2, no clipping: median norm of dWaa over the last 100 updates",
    exploding.NormWaa[^100..].Order().ElementAt(50));
Report("spectral radius 1: largest norm of dWaa", control.NormWaa.Max());
NotebookScript.Show(Charts.Lines("‖dWaa‖ (through time) against ‖dWya‖ (output layer), before clipping", "update", "norm",
    [Series.Of("dWaa, ρ = 2, no clipping", exploding.NormWaa), Series.Of("dWya, ρ = 2, no clipping", exploding.NormWya),
     Series.Of("dWaa, ρ = 2, clipped", rescued.NormWaa), Series.Of("dWaa, ρ = 1", control.NormWaa)],
    logY: true));

// Within the first updates $\lVert dW_{aa} \rVert$ explodes by many orders of magnitude (figure `largest norm of
// dWaa`; $10^6$ to $10^9$ in four of the five seeds) while $\lVert dW_{ya} \rVert$, which never travels back through time, stays of order 1 (`norm of dWya at that
// update`): it is the product of recurrent Jacobians that explodes, not the loss or the learning rate. One such update
// throws $W_{aa}$ so far that every unit saturates; then $\tanh' \approx 0$, the gradient through time is cut off
// (`median norm of dWaa over the last 100 updates` is tiny), and only the output layer still learns: the run is stuck.
// Clipped at norm 1, the same exploding gradients only ever move the weights by at most the learning rate times 1. That
// does not make the first updates good: for about fifty updates the clipped run stays near 3.5 nats, above the uniform
// guess $\log 25 \approx 3.22$ (the chart's flat line), its steps short but still pointing where the exploded gradients
// point. Then $\lVert dW_{aa} \rVert$ comes down as the weights settle and the loss falls (`spectral radius 2, clipped`,
// 1.6 to 1.9 nats over five seeds), though it has not caught up with the control in 300 updates. Clipping does not remove the explosion, it stops
// one exploded gradient from wrecking the weights.
//
// ## 6. Truncated BPTT
//
// BPTT over a long text costs memory and time in proportion to its length. **Truncated** BPTT cuts the sequence into
// chunks of $k$ steps: the forward pass carries $a^{\langle t \rangle}$ from chunk to chunk, but the backward pass stops
// at each chunk's start, as if $dz^{\langle t \rangle} = 0$ beyond it, and the weights are updated after every chunk
// (`TrainerOptions.TruncateAfter = k`).
//
// This section builds its own networks and task. What does it cost in what can be learned? A task with a dependency of known length answers it: read random symbols
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
// This section trains `model`, the untrained character model of section 1, on `textIds` of section 5.
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

// ## 8. The character model is a language model
//
// This section uses the trained `model` of section 7, its `sampler`, and the held-out text `heldOut` (`heldIds`,
// `heldLoss`).
//
// A **language model** gives a probability to every sequence. By the chain rule of probability, the probability of
// $y^{\langle 1 \rangle}, \dots, y^{\langle T \rangle}$ is a product of conditionals, one per step:
//
// $$P\left(y^{\langle 1 \rangle}, \dots, y^{\langle T \rangle}\right) = \prod_{t=1}^{T} P\left(y^{\langle t \rangle} \mid y^{\langle 1 \rangle}, \dots, y^{\langle t-1 \rangle}\right)$$
//
// The RNN computes exactly these conditionals: at step $t$ it has read $x^{\langle t \rangle} = y^{\langle t-1 \rangle}$
// and everything before it (in $a^{\langle t \rangle}$), and $\hat{y}^{\langle t \rangle}$ is the distribution of the
// next character. So the loss of section 1 is the negative log-probability of the text:
// $\mathcal{L} = \sum_t -\log \hat{y}^{\langle t \rangle}_{y^{\langle t \rangle}} = -\log P(y^{\langle 1 \rangle}, \dots, y^{\langle T \rangle})$.
//
// - **Teacher forcing.** In training, the input at step $t + 1$ is the *true* character $y^{\langle t \rangle}$, not
//   the one the model would have sampled: every conditional is learned given a correct past. In sampling (section 7)
//   the model reads its own samples instead.
// - **Start and end tokens.** A model of sentences needs to know where one starts and ends: word-level models add
//   `<s>` and `</s>` (the note's `<EOS>`) to the vocabulary. This text needs none: the period ends every sentence, so
//   it is the end token, and the model is started from a period, as the start-of-sentence context.
//
// The probability of a sentence, started from a period, and of the same words scrambled:

double LogProbability(string sentence)                     // log P(sentence | ".")
{
    var sentenceIds = vocabulary.Encode("." + sentence);
    var c = model.Forward(SequenceBatch.OneHot(n, sentenceIds[..^1]));
    return -model.Loss(c, SequenceTargets.ClassIndices(sentenceIds[1..]));
}
double grammatical = LogProbability(" harry found the map.");
double scrambled = LogProbability(" map the found harry.");
Report("log P of ' harry found the map.'", grammatical);
Report("log P of ' map the found harry.'", scrambled);
Report("log10 of how many times likelier the sentence is than its scramble", (grammatical - scrambled) / Math.Log(10));

// ### Perplexity, bits per character, and two baselines
//
// The loss per character $\bar{\mathcal{L}}$ (in nats) reads more easily in two other units:
//
// $$\text{perplexity} = e^{\bar{\mathcal{L}}}, \qquad \text{bits per character} = \frac{\bar{\mathcal{L}}}{\ln 2}$$
//
// A perplexity of $k$ means the model is as unsure as a uniform choice among $k$ characters; bits per character is
// what an ideal coder driven by the model would spend per character. Two baselines on the same held-out characters,
// both counted on the training `text` with add-one smoothing: a **unigram** model, $P(c)$ from character frequencies
// (no context at all), and a **bigram** model, $P(c \mid \text{previous character})$.

int predicted = heldIds.Length - 1;                         // characters 2 .. end of heldOut
var unigram = new double[n];
var bigram = new double[n, n];
for (int i = 0; i < textIds.Length; i++)
{
    unigram[textIds[i]]++;
    if (i > 0) bigram[textIds[i - 1], textIds[i]]++;
}
double UnigramP(int c) => (unigram[c] + 1) / (textIds.Length + n);               // add-one
double BigramP(int previous, int c) =>
    (bigram[previous, c] + 1) / (Enumerable.Range(0, n).Sum(k => bigram[previous, k]) + n);
double unigramLoss = Enumerable.Range(1, predicted).Average(i => -Math.Log(UnigramP(heldIds[i])));
double bigramLoss = Enumerable.Range(1, predicted).Average(i => -Math.Log(BigramP(heldIds[i - 1], heldIds[i])));
double rnnLoss = heldLoss / predicted;
var languageModels = new[] { ("unigram", unigramLoss), ("bigram", bigramLoss), ("RNN, n_a = 64", rnnLoss) }
    .Select(m => new { model = m.Item1, natsPerCharacter = Math.Round(m.Item2, 3),
        perplexity = Math.Round(Math.Exp(m.Item2), 2), bitsPerCharacter = Math.Round(m.Item2 / Math.Log(2), 3) })
    .ToList();
Report("held-out perplexity, RNN", Math.Exp(rnnLoss));
Report("held-out bits per character, RNN", rnnLoss / Math.Log(2));
Report("held-out perplexity, unigram", Math.Exp(unigramLoss));
Report("held-out bits per character, unigram", unigramLoss / Math.Log(2));
Report("held-out perplexity, bigram", Math.Exp(bigramLoss));
Report("held-out bits per character, bigram", bigramLoss / Math.Log(2));
NotebookScript.Show(Tables.FromRecords(languageModels));

// The unigram model is as unsure as a uniform choice among about 16 characters; knowing the previous character brings
// that down to about 6; the RNN, which reads the whole past, to about 1.4 (figures `held-out perplexity, ...`). In bits:
// about 4, 2.5 and 0.5 per character. Most of what the RNN knows about the next character comes from more than one
// character back: words, and which words the grammar lets follow which.
//
// ### Sampling primed with a prefix
//
// To continue a given text, run the model over the prefix first and sample from the state it ends in
// (`Sampler.Generate` takes that state as $a^{\langle 0 \rangle}$ and the prefix's last character as its first input):

string Continue(string prefix, int length, double temperature)
{
    var prefixIds = vocabulary.Encode(prefix);
    var state = model.Forward(SequenceBatch.OneHot(n, prefixIds[..^1])).Last;  // a after all but the last character
    return prefix + vocabulary.Decode(sampler.Generate(model, prefixIds[^1], length, temperature, state));
}
var primed = Enumerable.Range(0, 5).Select(_ => Continue(". hermione", 60, 0.7)).ToArray();
Report("real word share of samples primed with '. hermione'", primed.Average(StoryText.RealWordShare));
Report("share of primed samples going on with ' ' after hermione", primed.Average(s => s[10] == ' ' ? 1.0 : 0.0));
NotebookScript.Show(Tables.FromRecords(primed.Select(s => new { sample = s })));

// ### Sequential or random minibatches of a long text
//
// So far every batch was a set of windows drawn at random from the text (16 in section 5, 32 in section 7), each read from $a^{\langle 0 \rangle} = 0$. A long
// text can also be read **in order**: cut it into $m$ streams, one per column, and let batch $b$ be the next 48
// characters of every stream; the state where batch $b$ ended is where batch $b + 1$ starts (`Trainer.LastState`, passed
// as `a0`), so the model sees context beyond its window, while the gradient still stops at the batch's start (truncated
// BPTT across batches). Two models of $n_a = 64$, 300 updates each, Adam (learning rate 0.005), clipping at 5, the same
// $m = 16$; the held-out loss is measured as in section 7, from a zero state over the whole held-out text.

const int lmUpdates = 300, lmStreams = 16, lmLength = 48;
int streamLength = textIds.Length / lmStreams;
(SequenceBatch X, SequenceTargets Y) InOrder(int b)                    // batch b of the m streams
{
    int start = b * lmLength % (streamLength - lmLength - 1);
    int[][] Window(int shift) => Enumerable.Range(0, lmLength).Select(t =>
        Enumerable.Range(0, lmStreams).Select(j => textIds[j * streamLength + start + t + shift]).ToArray()).ToArray();
    return (SequenceBatch.OneHot(n, Window(0)), SequenceTargets.ClassIndices(Window(1)));
}
double HeldOutLoss(Rnn net) =>
    net.Loss(net.Forward(SequenceBatch.OneHot(n, heldIds[..^1])), SequenceTargets.ClassIndices(heldIds[1..])) / predicted;
double TrainLanguageModel(bool sequential)
{
    var net = Rnn.Create(nX: n, nA: 64, nY: n, seed: 3);
    var trainer = new Trainer(net, new Adam(0.005), new TrainerOptions { ClipNorm = 5 });
    var random = new TextWindows(textIds, n, length: lmLength, batchSize: lmStreams, seed: 3);
    for (int b = 0; b < lmUpdates; b++)
    {
        if (!sequential) { var (xs, ys) = random.Next(); trainer.Step(xs, ys); continue; }
        var (x, y) = InOrder(b);
        bool wrapped = b > 0 && InOrderStart(b) < InOrderStart(b - 1);       // back at the streams' start
        trainer.Step(x, y, wrapped ? null : trainer.LastState);             // carry the state across batches
    }
    return HeldOutLoss(net);
}
int InOrderStart(int b) => b * lmLength % (streamLength - lmLength - 1);
var (sequentialLoss, randomLoss) = (TrainLanguageModel(sequential: true), TrainLanguageModel(sequential: false));
Report("held-out loss per character, sequential batches with the state carried", sequentialLoss);
Report("held-out loss per character, random windows from a zero state", randomLoss);
Report("held-out loss per character, random minus sequential", randomLoss - sequentialLoss);
NotebookScript.Show(Tables.FromRecords(new[] { ("sequential, state carried", sequentialLoss), ("random windows, zero state", randomLoss) }
    .Select(r => new { batches = r.Item1, heldOutLoss = Math.Round(r.Item2, 3), bitsPerCharacter = Math.Round(r.Item2 / Math.Log(2), 3) })));

// With the same number of updates, reading in order with the state carried ends a little lower on held-out text than
// random windows from a zero state (with this seed, about 0.42 against 0.44 nats per character; figure `random minus
// sequential`; in each of five seeds the random windows ended 0.004 to 0.02 nats higher). In order, every batch but the first after a wrap starts from a state that has read the text before it,
// so no prediction is made without context, as at evaluation, where the model reads the held-out text in one piece;
// a random window's first characters are always predicted from nothing. Random windows give more varied batches, and
// reading in order makes consecutive batches alike; on a text as regular as this one, the context wins. Karpathy's
// min-char-rnn reads in order for this reason, carrying its state `hprev` from one piece of text to the next.

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

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
// 4. In section 5, clip by value instead (`GradientClipping.ByValue(g.Tensors, 0.01)` in place of `ByGlobalNorm`) and
//    compare the loss curve with norm clipping.
// 5. Run the delayed echo with $d = 8$: which truncations learn it now? Then train the character model with
//    `TruncateAfter = 8` and compare its held-out loss and real-word share with full BPTT.

// ### Hints and solutions
//
// Open them after trying.
//
// <details><summary>Exercise 1: hint</summary>
//
// Two changes in `BpttByHand`: the slope line becomes `d * (a[i] > 0 ? 1 : 0)`, and `tiny` is built with `g1: Activation.Relu` (run section 2 again so that `cache` and `library` come from the ReLU model).
//
// </details>
//
// <details><summary>Exercise 1: solution</summary>
//
// The derivation is unchanged except step 4; `GradientCheck.Run` then reports errors near $10^{-10}$ again (a unit with $z$ within $\varepsilon$ of 0 could spoil one value: ReLU has a kink there).
//
// ```csharp
// var reluTiny = Rnn.Create(nX: 4, nA: 3, nY: 4, seed: 2, g1: Activation.Relu);
// GradientCheck.Run(reluTiny, checkX, checkY, a0).Max(r => r.RelativeError)
// ```
//
// </details>
//
// <details><summary>Exercise 2: solution</summary>
//
// With a large $\varepsilon$ the central difference's truncation error, of order $\varepsilon^2$ times the third derivative, dominates; with a tiny one, rounding: $L(\theta \pm \varepsilon)$ carry errors of about $10^{-16} \lvert L \rvert$, divided by $2\varepsilon$. The best $\varepsilon$ balances the two, around $10^{-5}$ for doubles.
//
// ```csharp
// foreach (var epsilon in new[] { 1e-2, 1e-5, 1e-9 })
//     Console.WriteLine($"epsilon {epsilon}: worst relative error {GradientCheck.Run(tiny, checkX, checkY, a0, epsilon).Max(r => r.RelativeError):E1}");
// ```
//
// </details>
//
// <details><summary>Exercise 3: hint</summary>
//
// Loop over $\rho$ from 1 to 1.5 in steps of 0.05 with `Log10Ratio(GradientNorms(Activation.Tanh, rho))` and find where it crosses 0; then plot `GradientNorms` at that $\rho$.
//
// </details>
//
// <details><summary>Exercise 4: hint</summary>
//
// A value clip changes the direction of the update (large entries are cut more than small ones); compare the three loss curves of section 5 with a fourth run.
//
// </details>
//
// <details><summary>Exercise 5: hint</summary>
//
// `new DelayedEcho(4, 30, 8, seed: 1)` and score the steps $t > 8$; truncations `[null, 12, 9, 8, 4]`. For the character model, `new TrainerOptions { ClipNorm = 5, TruncateAfter = 8 }` in section 7.
//
// </details>
