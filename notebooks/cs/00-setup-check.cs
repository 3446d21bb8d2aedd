// 00-setup-check.cs: notebooks/00-setup-check.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/00-setup-check.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj
#:package Plotly.NET.CSharp@0.14.0
#:package Deedle@8.1.0

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using RnnNotebooks;
using static RnnNotebooks.Scripts.Figures;
using static RnnNotebooks.Exercises.Checks;
using Plotly.NET.CSharp;
using Deedle;

NotebookScript.Start();

// # Set-up check: the library, a forward pass, a chart and a table
//
// In this notebook you will check that everything the course needs works on your machine:
//
// 1. the **RnnNotebooks** library loads, with one line;
// 2. a tiny recurrent network runs the note's **forward propagation** on a short sequence, with every shape as the note says;
// 3. a **Plotly** chart draws the hidden state over time;
// 4. a **Deedle** frame shows the network's predictions as a table.
//
// It trains nothing and runs in a few seconds. If a cell fails, the error tells you what to fix; the most common one is
// that the library is not built yet: run `dotnet build` at the repository root, then run the notebook again.

// ## The library, in one line
//
// The course's code lives in `lib/RnnNotebooks`. `dotnet build` at the repository root (Debug or Release alike)
// compiles it and puts it, with what it needs, in `artifacts/lib/`; every notebook references `RnnNotebooks.dll` there
// with one line. The path is relative to this notebook's folder, which is the working directory in Jupyter, in VS Code
// and in `rnnbook`. The second line brings `Report`, with which a notebook states the figures it promises (its checks); the third the
// small checks every notebook uses, such as `CheckShape` below (the same library grades the exercises of notebooks 02
// and 03).

// Charts and tables come from NuGet packages, pinned to the versions the project builds with
// (`Directory.Packages.props`). Plotly.NET.Interactive makes a chart show itself as the output of a cell.

// ## A tiny network
//
// The note's recurrent network reads $x^{\langle 1 \rangle}, \dots, x^{\langle T_x \rangle}$ one step at a time. Its parameters are
// three weight matrices and two biases:
//
// $$W_{aa} \in \mathbb{R}^{n_a \times n_a}, \quad W_{ax} \in \mathbb{R}^{n_a \times n_x}, \quad W_{ya} \in \mathbb{R}^{n_y \times n_a}, \quad b_a \in \mathbb{R}^{n_a}, \quad b_y \in \mathbb{R}^{n_y}$$
//
// We take a vocabulary of $n_x = n_y = 4$ tokens and $n_a = 8$ hidden units. The seed fixes the random weights, so
// every run prints the same numbers.

const int nX = 4, nA = 8, nY = 4;
var rnn = Rnn.Create(nX, nA, nY, seed: 42);
NotebookScript.Show($"Waa {rnn.Parameters.Waa.Shape}, Wax {rnn.Parameters.Wax.Shape}, Wya {rnn.Parameters.Wya.Shape}");

// A shape mistake is the most common bug in this course, so we check shapes as we go. `CheckShape` (from
// `RnnNotebooks.Exercises.Checks`) stops the notebook with a message naming the matrix, the shape it has and the shape
// it should have.

CheckShape(rnn.Parameters.Waa, (nA, nA), "Waa");
CheckShape(rnn.Parameters.Wax, (nA, nX), "Wax");
CheckShape(rnn.Parameters.Wya, (nY, nA), "Wya");
NotebookScript.Show("shapes ok");

// ## Forward propagation
//
// Starting from $a^{\langle 0 \rangle} = \vec{0}$, each step mixes the previous hidden state with the new input, then
// reads a prediction off the hidden state:
//
// $$a^{\langle t \rangle} = g_1\!\left(W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle} + b_a\right), \qquad g_1 = \tanh$$
//
// $$\hat{y}^{\langle t \rangle} = g_2\!\left(W_{ya}\, a^{\langle t \rangle} + b_y\right), \qquad g_2 = \operatorname{softmax}$$
//
// Our sequence has $T_x = 6$ tokens, each fed as a one-hot vector $x^{\langle t \rangle} \in \{0, 1\}^{n_x}$, and a batch of $m = 1$.

int[] tokens = [0, 1, 2, 3, 2, 1];
int Tx = tokens.Length, m = 1;
var x = SequenceBatch.OneHot(nX, tokens);
var cache = rnn.Forward(x);

CheckShape(cache.A(Tx), (nA, m), "a<Tx>");
CheckShape(cache.YHat(Tx), (nY, m), "yHat<Tx>");
NotebookScript.Show(cache.YHat(Tx));

// Softmax turns each $\hat{y}^{\langle t \rangle}$ into a probability distribution over the $n_y$ tokens:
//
// $$\operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{n_y} e^{z_j}}, \qquad \sum_{k=1}^{n_y} \hat{y}^{\langle t \rangle}_k = 1$$
//
// Let us check that every step's probabilities add up to one.

var sums = Enumerable.Range(1, Tx).Select(t => cache.YHat(t).Column(0).Sum()).ToArray();
var worst = sums.Max(s => Math.Abs(s - 1));
if (worst > 1e-12) throw new InvalidOperationException($"a softmax column sums to {1 + worst}, not 1.");
NotebookScript.Show(sums);

// ## The hidden state over time
//
// The hidden state is a vector of $n_a$ numbers, each inside the range of $\tanh$:
//
// $$a^{\langle t \rangle} = \left(a^{\langle t \rangle}_0, \dots, a^{\langle t \rangle}_{n_a - 1}\right) \in (-1, 1)^{n_a}$$
//
// It changes as the sequence goes on, and it is the network's memory: $a^{\langle t \rangle}$ depends on every token up
// to $t$. Each line below is one hidden unit.

var steps = Enumerable.Range(1, Tx).ToArray();
var units = Enumerable.Range(0, nA).Select(i =>
    Chart.Line<int, double, string>(x: steps, y: steps.Select(t => cache.A(t)[i, 0]), Name: $"a{i}"));
NotebookScript.Show(Chart.Combine(units)
    .WithXAxisStyle<int, int, string>(TitleText: "time step t")
    .WithYAxisStyle<double, double, string>(TitleText: "hidden unit value")
    .WithSize(Width: 640, Height: 400));

// ## The predictions as a table
//
// A Deedle frame shows $\hat{y}^{\langle t \rangle}$ with one row per time step and one column per token.

var predictions = Frame.FromColumns(Enumerable.Range(0, nY).Select(k => KeyValuePair.Create(
    $"p(token {k})",
    new Series<int, double>(steps, steps.Select(t => Math.Round(cache.YHat(t)[k, 0], 4))))));
NotebookScript.Show(predictions);

// ## The loss of an untrained network
//
// Say the task is to predict the next token, so the target at step $t$ is $y^{\langle t \rangle} = x^{\langle t+1 \rangle}$. The note's
// loss adds the cross-entropy of every step:
//
// $$\mathcal{L}(\hat{y}, y) = \sum_{t=1}^{T_y} \mathcal{L}^{\langle t \rangle}\!\left(\hat{y}^{\langle t \rangle}, y^{\langle t \rangle}\right), \qquad \mathcal{L}^{\langle t \rangle} = -\log \hat{y}^{\langle t \rangle}_{y^{\langle t \rangle}}$$
//
// Guessing uniformly, with probability $1/n_y$ for every token, costs $\log n_y = \log 4 \approx 1.386$ per step. An
// untrained network knows nothing of the task, so its loss per step is of the order of $\log n_y$. This one, with seed
// 42, does worse than the uniform guess, by about half a nat per step: its random weights make it fairly sure of tokens
// that are wrong, and a confident wrong answer costs more than an even spread. (Another seed could land a little below
// $\log n_y$ by luck; it would still know nothing.) Training (notebook 03) is what brings the loss clearly below
// $\log n_y$. `Report` hands a figure to `rnnbook`, which prints it in its summary and checks it against the range this
// notebook promises in its metadata: a loss per step between 1.6 and 2.3, above the guess's 1.386.

var next = tokens[1..];
var shortCache = rnn.Forward(SequenceBatch.OneHot(nX, tokens[..^1]));
double loss = rnn.Loss(shortCache, SequenceTargets.ClassIndices(next));
double perStep = loss / next.Length;
Report("loss per step", perStep);
Report("log n_y", Math.Log(nY));
Report("loss per step above the uniform guess", perStep - Math.Log(nY));

// ## Summary
//
// - One line, `#r "../artifacts/lib/RnnNotebooks.dll"`, brings in the course library.
// - `Rnn.Create(nX, nA, nY, seed)` builds the note's network; `Forward` runs
//   $a^{\langle t \rangle} = \tanh(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a)$ and
//   $\hat{y}^{\langle t \rangle} = \operatorname{softmax}(W_{ya} a^{\langle t \rangle} + b_y)$ for every step.
// - Shapes: $a^{\langle t \rangle}$ is $(n_a, m)$ and $\hat{y}^{\langle t \rangle}$ is $(n_y, m)$.
// - An untrained network's loss per step is of the order of $\log n_y$, the cost of a uniform guess; this one's is above it.
//
// ## Exercises
//
// 1. Change `seed` and run the notebook again. Which numbers change, and which stay the same?
// 2. Make the sequence longer (say 20 tokens). Do the hidden units settle down, or keep moving?
// 3. Set `nA = 1`. What does the chart show now? Is the loss per step nearer to $\log n_y$, and why?
// 4. Pass `g1: Activation.Relu` to `Rnn.Create`. Which values in the chart are no longer inside $(-1, 1)$?

// ### Hints and solutions
//
// Open them after trying.
//
// <details><summary>Exercise 1: hint</summary>
//
// The seed draws the weights. Which figures depend on the weights, and which only on $n_x$, $n_a$, $n_y$ and the tokens?
//
// </details>
//
// <details><summary>Exercise 1: solution</summary>
//
// The shapes and $\log n_y = \log 4 \approx 1.386$ stay; the hidden states, the predictions, the chart, the table and the loss per step change (still of the order of $\log n_y$, above or below it).
//
// </details>
//
// <details><summary>Exercise 2: hint</summary>
//
// Replace `tokens` by a longer array, e.g. `int[] tokens = [0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1];`, and look at the chart.
//
// </details>
//
// <details><summary>Exercise 3: hint</summary>
//
// With one unit, $\hat{y}^{\langle t \rangle} = \operatorname{softmax}(W_{ya}\, a^{\langle t \rangle} + b_y)$ can only move along one direction as $a^{\langle t \rangle}$ moves in $(-1, 1)$.
//
// </details>
//
// <details><summary>Exercise 4: hint</summary>
//
// ReLU is $\max(0, z)$: no value is negative, and nothing caps the positive ones; look for values above 1 in the chart.
//
// </details>
