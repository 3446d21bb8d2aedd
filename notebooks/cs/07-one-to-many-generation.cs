// 07-one-to-many-generation.cs: notebooks/07-one-to-many-generation.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/07-one-to-many-generation.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Exercises/RnnNotebooks.Exercises.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj
#:project ../../lib/RnnNotebooks.Tasks/RnnNotebooks.Tasks.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using System.IO;
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Exercises;
using RnnNotebooks.Plots;
using RnnNotebooks.Tasks;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 07 · One-to-many: generated names, then music you can hear
//
// The note's fourth type of RNN takes one input, or none, and writes a whole sequence: at each step the network's
// output $\hat{y}^{\langle t \rangle}$ is a distribution over the next token, one token is **drawn** from it, and that
// token is fed back as the next input $x^{\langle t+1 \rangle}$. The note's example is **music generation**.
//
// In this notebook you will:
//
// 1. draw the generation loop, $x^{\langle 1 \rangle}$, then $\hat{y}^{\langle t \rangle}$ sampled and fed back as
//    $x^{\langle t+1 \rangle}$, and train a character-level RNN on 2,858 first names that it then invents new ones from;
// 2. control how adventurous the samples are with a **temperature**, and count how many generated names are new;
// 3. read 55 traditional tunes written for this course in ABC notation, turn notes into tokens (a pitch, then a
//    duration), and train the same kind of RNN on them, then the same model with LSTM cells;
// 4. measure them honestly: the negative log-likelihood per note of **held-out** tunes against a unigram and a bigram
//    baseline, on the bundled tunes and on Bach's chorales (UCI);
// 5. generate **whole tunes** of the length you ask for (8 bars of 4/4: no note across a bar line, the last note the
//    tonic) from a single seed note, write them as MIDI and WAV files, **listen** to them here, and see them as a piano
//    roll beside a real tune; generate a chorale too; then save the models for `rnnbook generate`.
//
// It trains three small RNNs and two LSTMs (under a minute in all on a 2-core machine, more when it is shared; progress
// printed per epoch) and checks at its end that it ran in under 90 seconds.

// ## The libraries
//
// The core (`RnnNotebooks`: the RNN, the sampler, Adam), the datasets (`RnnNotebooks.Data`: the name list, the ABC
// and chorale readers, MIDI and WAV files through NAudio), the charts (`RnnNotebooks.Plots`), the generative model
// built from the core's pieces (`RnnNotebooks.Tasks`) and the audio player (`RnnNotebooks.Scripts`).

var clock = System.Diagnostics.Stopwatch.StartNew();

// ## 1. The generation loop
//
// A one-to-many RNN is the note's RNN with its output wired back to its input. Starting from $a^{\langle 0 \rangle} = 0$
// and a first input $x^{\langle 1 \rangle}$ (a start token $\langle s \rangle$, or a seed such as a first note):
//
// $$a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right), \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right), \qquad x^{\langle t+1 \rangle} \sim \hat{y}^{\langle t \rangle}$$
//
// The last step is new: instead of reading the next input from data, the network **samples** it from its own
// prediction, and stops when it draws the end token (here the same $\langle s \rangle$). Training needs no loop: on
// a real sequence $s_1 \ldots s_n$ the inputs are $x = (\langle s \rangle, s_1, \ldots, s_n)$ and the targets are the same
// sequence shifted by one, $y = (s_1, \ldots, s_n, \langle s \rangle)$, so the loss is the note's sum of per-step
// cross-entropies and BPTT is unchanged. For the name *emma*:

NotebookScript.Show(Diagrams.UnrolledRnn(["<s>", "e", "m", "m", "a"], ["e", "m", "m", "a", "<s>"],
    "Generation: each ŷ<sup>⟨t⟩</sup> is sampled and fed back as x<sup>⟨t+1⟩</sup>", feedBack: true));

// ## 2. Names, one character at a time
//
// The warm-up is the classic exercise: a character-level model of first names. The list (`data/names/`, see its
// README) is made by the project from Bogus's first names in 12 locales, accents removed, lower-cased, deduplicated.
// The vocabulary is the 26 letters plus $\langle s \rangle$: $n_x = n_y = 27$, each character a one-hot vector.

var names = NameList.Load();
var letters = TokenVocabulary.Characters(names);
var nameSequences = names.Select(letters.EncodeCharacters).ToList();
Report("names in the training list", names.Count);
Report("name vocabulary size", letters.Count);
NotebookScript.Show(Tables.FromRecords(names.Where((_, i) => i % 250 == 0).Select(n => new { Name = n, Ids = string.Join(" ", letters.EncodeCharacters(n)) })));

// An RNN with $n_a = 64$, trained with Adam on minibatches of 32 names (padded, the padding masked out of the loss),
// for 20 epochs. The loss is the mean cross-entropy per character, the end included; a model that knew nothing would
// score $\ln 27 \approx 3.30$.

var nameModel = TokenLanguageModel.Create(letters, nA: 64, seed: 1);
var nameRun = nameModel.Train(nameSequences, options: new TrainingOptions { Epochs = 20, BatchSize = 32, LearningRate = 0.01, Seed = 1 },
    onEpoch: e => { if (e.Epoch % 4 == 0) Console.WriteLine($"names, epoch {e.Epoch}: loss {e.TrainLoss:F3} per character{Timing.Elapsed(e.Seconds)}"); });
Report("names: final training loss per character", nameRun.Epochs[^1].TrainLoss);

// ## 3. Sampling, and the temperature
//
// At each step the sampler draws $x^{\langle t+1 \rangle}$ from the softmax of the logits $z^{\langle t \rangle} = W_{ya} a^{\langle t \rangle} + b_y$
// divided by a **temperature** $T$:
//
// $$P\left(x^{\langle t+1 \rangle} = i\right) = \frac{\exp\left(z_i^{\langle t \rangle} / T\right)}{\sum_j \exp\left(z_j^{\langle t \rangle} / T\right)}$$
//
// $T = 1$ samples the model's own distribution; $T < 1$ sharpens it towards the likeliest letters (safer, more
// repetitive names), $T > 1$ flattens it (stranger names). A name is **new** when it is not in the training list.

var known = names.ToHashSet();
double[] temperatures = [0.5, 1.0, 1.5];
var samples = temperatures.ToDictionary(t => t, t =>
{
    var sampler = new Sampler(seed: 7);
    return Enumerable.Range(0, 200).Select(_ => letters.Decode(nameModel.Sample(sampler, t, maxLength: 20))).ToList();
});
double NewShare(List<string> drawn) => drawn.Count(n => !known.Contains(n)) / (double)drawn.Count;
Report("share of new names at temperature 1", NewShare(samples[1.0]));
NotebookScript.Show(Tables.FromRecords(temperatures.Select(t => new
{
    Temperature = t, NewShare = Math.Round(NewShare(samples[t]), 3),
    MeanLength = Math.Round(samples[t].Average(n => n.Length), 2), Samples = string.Join(", ", samples[t].Take(12)),
})));

// At $T = 0.5$ the names are short and plausible, and more of them are copies of training names; at $T = 1.5$ almost
// every name is new and many are unpronounceable. $T = 1$ sits between: mostly new names that still look like names.

// ### Your turn: draw from softmax(z / T)
//
// Write the sampler's draw yourself. Given the logits $z$, the temperature $T$ and a number $u$ drawn uniformly from
// $[0, 1)$, return the index the library's `Sampler` draws: with $p = \operatorname{softmax}(z / T)$, the first $i$ with
//
// $$u < p_0 + p_1 + \cdots + p_i$$
//
// (the inverse of the cumulative distribution: each index owns a stretch of $[0, 1)$ as long as its probability).
// $T = 0$ is the limit $T \to 0$, the argmax of $z$. Subtract the largest $z_i$ before the exponential, as the
// library does, so that no $\exp$ overflows. The check draws 40 values of $u$ in each of four cases ($T = 0.5$, 1, 2
// and 0), compares every index with `Sampler.SampleLogits`, and names the first wrong draw with its $u$, its $z$ and a
// likely cause. (As for every exercise, `rnnbook run` runs the notebook's solution after your cell;
// `rnnbook run --as-written` grades yours.)

// Exercise: the notebook leaves this body to the reader:
// // z: the logits (n_y); T >= 0; u uniform in [0, 1). Return the index drawn from p = softmax(z / T): the first i with
// // u < p_0 + ... + p_i; for T = 0 the argmax of z (the first of equal largest).
// int TemperatureSample(double[] z, double T, double u)
// {
//     throw new NotImplementedException(); // your code here
// }
// The notebook's solution:
int TemperatureSample(double[] z, double T, double u)
{
    if (T == 0) return Array.IndexOf(z, z.Max());                    // the limit T → 0: the argmax
    double max = z.Max();
    var e = z.Select(v => Math.Exp((v - max) / T)).ToArray();       // exp(z_i / T), shifted by the largest
    double sum = e.Sum(), cumulative = 0;
    for (int i = 0; i < e.Length; i++)
    {
        cumulative += e[i] / sum;                                    // p_0 + ... + p_i
        if (u < cumulative) return i;
    }
    return e.Length - 1;                                             // u just below 1, and rounding
}

// <details><summary>Hint</summary>
//
// Three steps: $e_i = \exp\left((z_i - \max_j z_j) / T\right)$, $p_i = e_i / \sum_j e_j$, then walk $i = 0, 1, \ldots$
// adding $p_i$ until the sum passes $u$. Handle $T = 0$ first, before anything divides by it.
//
// </details>
//
// <details><summary>Solution</summary>
//
// ```csharp
// int TemperatureSample(double[] z, double T, double u)
// {
//     if (T == 0) return Array.IndexOf(z, z.Max());                    // the limit T → 0: the argmax
//     double max = z.Max();
//     var e = z.Select(v => Math.Exp((v - max) / T)).ToArray();       // exp(z_i / T), shifted by the largest
//     double sum = e.Sum(), cumulative = 0;
//     for (int i = 0; i < e.Length; i++)
//     {
//         cumulative += e[i] / sum;                                    // p_0 + ... + p_i
//         if (u < cumulative) return i;
//     }
//     return e.Length - 1;                                             // u just below 1, and rounding
// }
// ```
//
// </details>

var temperatureVerdict = Grade.TemperatureSample(TemperatureSample);
Report("exercise temperature-sample passed", temperatureVerdict.Passed ? 1 : 0);
NotebookScript.Show(temperatureVerdict);

// ## 4. Music as tokens
//
// The bundled tunes (`data/music/`, see its README) are 55 traditional melodies in the public domain (nursery tunes,
// folk songs, hymns and carols, old dances) transcribed by hand for this course in **ABC notation**, the standard text
// format for folk tunes. A tune is a few header fields and then its notes:

var tunesFolder = BundledTunes.FindFolder();
NotebookScript.Show(string.Join("\n", File.ReadLines(Path.Combine(tunesFolder, "nursery.abc")).SkipWhile(l => !l.StartsWith("X:4")).Take(8)));

// `M:` is the meter, `L:` the unit length (an eighth note here: `C2` is a quarter note, `G4` a half note), `K:` the
// key. Letters are pitches (`C` is middle C, `c` an octave above, `G,` an octave below), `|` a bar line. The reader
// (`AbcReader`) applies the key signature to the notes, expands repeats, and refuses anything outside the subset it
// reads with the file, line and token: `AbcReader.Parse("X:1\nT:t\nK:C\nC (3DEF|", "t.abc")` fails with
// *t.abc:4: '(3': tuplets are not supported by this reader.* Each note becomes a MIDI pitch (60 = middle C) and a
// duration in sixteenth notes:

var tunes = BundledTunes.Load(tunesFolder);
var frere = tunes.Single(t => t.Title == "Frere Jacques");
Report("bundled tunes", tunes.Count);
Report("notes in the bundled tunes", tunes.Sum(t => t.Notes.Count));
NotebookScript.Show(string.Join(" ", frere.Notes.Take(16)));

// **Tokens.** A note is two tokens: its pitch (`C4`, `F#5`, or `rest`) and then its duration (`:4` is four sixteenths,
// a quarter note; the durations are 1, 2, 3, 4, 6, 8, 12, 16 and 24 sixteenths). Two small vocabularies in one
// ($41$ pitches from C3 to E6, the rest, 9 durations, $\langle s \rangle$: $n_x = 52$) instead of one token per
// (pitch, duration) pair ($42 \times 9 = 378$), so the model learns pitches and rhythms from every note. A long rest is
// written as several rests. A **grammar** says a duration always follows a pitch and a pitch (or the end) always
// follows a duration; sampling and scoring renormalise $\hat{y}^{\langle t \rangle}$ over the tokens it allows.
//
// **Keys.** The key is not a token: every tune is moved to the key signature with no sharps or flats, so major tunes
// are in C major and minor ones in A minor (a shift of at most 6 semitones). The model then needs to learn one scale,
// not twelve.

var music = NoteTokens.Vocabulary;
var frereTokens = NoteTokens.Encode(frere.ToNaturalKey());
Report("music vocabulary size", music.Count);
NotebookScript.Show(music.Decode(frereTokens.Take(16), " "));

// The tunes are split by tune, never within a tune: in file order, tune $i$ (counted from 0) trains when $i$ mod 5 is 0, 1 or 2,
// goes to the dev split (to stop training when its loss stops falling) when it is 3, and is held out for the test when
// it is 4.

(List<int[]> Train, List<int[]> Dev, List<int[]> Test) SplitByIndex(IReadOnlyList<Melody> melodies)
{
    var tokens = melodies.Select(m => NoteTokens.Encode(m.ToNaturalKey())).ToList();
    return (tokens.Where((_, i) => i % 5 < 3).ToList(), tokens.Where((_, i) => i % 5 == 3).ToList(), tokens.Where((_, i) => i % 5 == 4).ToList());
}
var tuneSplit = SplitByIndex(tunes);
Report("training tunes", tuneSplit.Train.Count);
Report("held-out test tunes", tuneSplit.Test.Count);

// ## 5. Training on the tunes, and two baselines to beat
//
// The model is the same as for names, with $n_x = n_y = 52$ and $n_a = 64$, minibatches of 8 tunes, Adam, the
// gradient clipped to norm 5, up to 40 epochs, keeping the epoch with the lowest dev loss.

var tuneModel = TokenLanguageModel.Create(music, nA: 64, seed: 1, TokenGrammars.PitchThenDuration);
var tuneRun = tuneModel.Train(tuneSplit.Train, tuneSplit.Dev,
    new TrainingOptions { Epochs = 40, BatchSize = 8, LearningRate = 0.01, Patience = 6, Seed = 1 },
    e => { if (e.Epoch % 5 == 0) Console.WriteLine($"tunes, epoch {e.Epoch}: train {e.TrainLoss:F3}, dev {e.HeldOutLoss:F3} per token{Timing.Elapsed(e.Seconds)}"); });
Console.WriteLine($"stopped after epoch {tuneRun.Epochs.Count}; kept the best dev epoch, {tuneRun.BestEpoch}");

// **An LSTM instead.** The same model with the RNN's cell swapped for notebook 08's LSTM: four gates computed from
// $a^{\langle t-1 \rangle}$ and $x^{\langle t \rangle}$, and a cell state that the forget gate $f$ carries from step to step,
//
// $$c^{\langle t \rangle} = f \odot c^{\langle t-1 \rangle} + i \odot g, \qquad a^{\langle t \rangle} = o \odot \tanh\left(c^{\langle t \rangle}\right), \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right)$$
//
// with the same $n_a = 64$, the same tokens, grammar, loss and Adam. Its gates start half open and it learns more
// slowly in its first epochs, so it gets up to 80 epochs and stops after 10 without a better dev loss.

var lstmOptions = new TrainingOptions { Epochs = 80, BatchSize = 8, LearningRate = 0.01, Patience = 10, Seed = 1 };
TokenLanguageModel TrainLstm(string name, (List<int[]> Train, List<int[]> Dev, List<int[]> Test) split)
{
    var lstm = TokenLanguageModel.Create(music, nA: 64, seed: 1, TokenGrammars.PitchThenDuration, RecurrentCell.Lstm);
    var run = lstm.Train(split.Train, split.Dev, lstmOptions,
        e => { if (e.Epoch % 10 == 0) Console.WriteLine($"{name} LSTM, epoch {e.Epoch}: train {e.TrainLoss:F3}, dev {e.HeldOutLoss:F3} per token{Timing.Elapsed(e.Seconds)}"); });
    Console.WriteLine($"{name} LSTM: stopped after epoch {run.Epochs.Count}; kept the best dev epoch, {run.BestEpoch}");
    return lstm;
}
var tuneLstm = TrainLstm("tunes", tuneSplit);
NotebookScript.Show(tuneLstm.Cell);

// How good is it? The honest measure of a generative model is how likely it finds music it has **not** seen: the
// negative log-likelihood per note of the held-out tunes, in nats (lower is better). A note's probability is the
// product of its pitch's and its duration's, and each tune's end counts as one more event:
//
// $$\text{NLL per note} = -\frac{1}{N} \sum_{\text{tunes}} \left( \sum_{k} \log P(\text{note}_k \mid \text{notes before}) + \log P(\text{end} \mid \text{the tune}) \right)$$
//
// Two baselines count (pitch, duration) events in the training tunes: a **unigram** model $P(e)$ (add-$\tfrac{1}{2}$
// smoothing over all 379 events) that ignores context, and a **bigram** model $P(e \mid e')$ that knows the previous
// note, smoothed towards the unigram: $P(e \mid e') = \frac{c(e', e) + \beta P(e)}{c(e') + \beta}$, with $\beta$ chosen on
// the training tunes alone. The RNN's and the LSTM's whole history should beat one note of context.

(double Unigram, double Bigram, double Rnn, double Lstm) Scores((List<int[]> Train, List<int[]> Dev, List<int[]> Test) split,
    TokenLanguageModel rnn, TokenLanguageModel lstm)
{
    var trainAndDev = split.Train.Concat(split.Dev).ToList(); // the baselines have no early stopping: give them the dev tunes too
    return (NoteNgramBaseline.Unigram(trainAndDev).NegativeLogLikelihoodPerNote(split.Test),
            NoteNgramBaseline.BigramTuned(trainAndDev).NegativeLogLikelihoodPerNote(split.Test),
            MusicScores.NegativeLogLikelihoodPerNote(rnn, split.Test), MusicScores.NegativeLogLikelihoodPerNote(lstm, split.Test));
}
object ScoreTable((double Unigram, double Bigram, double Rnn, double Lstm) s) =>
    Tables.FromRecords(new[] { ("unigram", s.Unigram), ("bigram", s.Bigram), ("RNN", s.Rnn), ("LSTM", s.Lstm) }
        .Select(r => new { Model = r.Item1, NllPerNote = Math.Round(r.Item2, 3), PerplexityPerNote = Math.Round(Math.Exp(r.Item2), 1) }));
var tuneScores = Scores(tuneSplit, tuneModel, tuneLstm);
void ReportScores(string data, (double Unigram, double Bigram, double Rnn, double Lstm) s)   // the same figures for each dataset
{
    Report($"{data}: unigram NLL per note", s.Unigram);
    Report($"{data}: bigram NLL per note", s.Bigram);
    Report($"{data}: RNN NLL per note", s.Rnn);
    Report($"{data}: LSTM NLL per note", s.Lstm);
    Report($"{data}: RNN below both baselines", s.Rnn < Math.Min(s.Unigram, s.Bigram) ? 1 : 0);
    Report($"{data}: LSTM below the bigram by", s.Bigram - s.Lstm);
}
ReportScores("tunes", tuneScores);
NotebookScript.Show(ScoreTable(tuneScores));

// The perplexity $e^{\text{NLL}}$ reads as "as uncertain as a fair choice among that many notes". With only 33 training
// tunes both networks are still far from certain, but both are clearly better than counting notes or pairs of notes.
// The LSTM scores lower than the RNN here (and on average over seeds; section 7 puts the figures side by side).
//
// ## 6. Generating a whole tune from one seed note
//
// The loop of section 1, for music: the tune starts in the state the model reaches after $\langle s \rangle$, the seed
// note C4 is $x^{\langle 1 \rangle}$, and from there every token is drawn from $\hat{y}^{\langle t \rangle}$ (at temperature
// $T$) and fed back. Left alone, the loop stops whenever the model draws the end token, after a few notes or many. A
// **whole tune** of the length the reader asks for needs more than the grammar: a mask $m^{\langle t \rangle}$ that sets
// some entries of $\hat{y}^{\langle t \rangle}$ to 0 before renormalising,
//
// $$P\left(x^{\langle t+1 \rangle} = i\right) = \frac{m_i^{\langle t \rangle} \exp\left(z_i^{\langle t \rangle} / T\right)}{\sum_j m_j^{\langle t \rangle} \exp\left(z_j^{\langle t \rangle} / T\right)}, \qquad m_i^{\langle t \rangle} \in \{0, 1\}$$
//
// `WholeTuneConstraint` adds up the durations so far and allows only: a duration that fits in what is left of the bar
// (the tokens have no ties, so no note crosses a bar line); the end token only when the 8 bars are full, and nothing
// else then; no pitch but the tonic (C, as every tune is in C major here) may take the duration that would fill the
// tune, and in the last beat only a C may start a note, and it lasts to the end unless the tune still owes notes (then it
// may end on two short Cs, as the tune at T = 1 below does); and at least one note per quarter-note
// beat, 32 notes in 8 bars of 4/4, by letting a note last at most twice the sixteenths left per note still owed (a half
// note at most at the start). The model that generates is the one with the lower held-out NLL.

NotebookScript.Show(Diagrams.UnrolledRnn(["C4", ":4", "E4", ":2", "G4", ":4"], [":4", "E4", ":2", "G4", ":4", "<s>"],
    "Melody generation: x<sup>⟨1⟩</sup> is the seed note, then ŷ<sup>⟨t⟩</sup> is sampled and fed back as x<sup>⟨t+1⟩</sup>", feedBack: true));

IReadOnlyList<MelodyNote> Generate(TokenLanguageModel model, double temperature, int seed, WholeTuneConstraint length) =>
    NoteTokens.Decode(model.Sample(new Sampler(seed), temperature, maxLength: 2 * length.TotalLength + 2, seed: [NoteTokens.PitchId(60)], constraint: length));
bool Whole(IReadOnlyList<MelodyNote> notes, WholeTuneConstraint length) =>                // the bars full, enough notes, the tonic last
    notes.Sum(n => n.Duration) == length.TotalLength && notes.Count >= length.MinimumNotes && !notes[^1].IsRest && notes[^1].Pitch % 12 == length.Tonic;
string ByBar(IReadOnlyList<MelodyNote> notes, int barLength)                             // "C4:4 E4:4 ... | G4:8 ..."
{
    var text = new System.Text.StringBuilder();
    int time = 0;
    foreach (var n in notes)
    {
        text.Append(time > 0 && time % barLength == 0 ? "| " : "").Append(n).Append(' ');
        time += n.Duration;
    }
    return text.ToString().TrimEnd();
}

var best = tuneScores.Lstm < tuneScores.Rnn ? tuneLstm : tuneModel;    // the lower held-out NLL per note
var eightBars = WholeTuneConstraint.ForMeter("4/4", bars: 8);           // tonic C: the tunes are in C major or A minor
var melodies = new[] { 0.7, 1.0, 1.3 }.Select(t => (Temperature: t, Notes: Generate(best, t, seed: 3, eightBars))).ToList();
Report("generated melodies", melodies.Count);
Report("generated melodies of 8 full bars ending on C", melodies.Count(m => Whole(m.Notes, eightBars)));
Report("fewest notes in a generated melody", melodies.Min(m => m.Notes.Count));
NotebookScript.Show(Tables.FromRecords(melodies.Select(m => new
{
    m.Temperature, Model = best.Cell, Notes = m.Notes.Count, Bars = m.Notes.Sum(n => n.Duration) / 16.0, Tune = ByBar(m.Notes, 16),
})));

// ### Hear them
//
// Each melody is written as a standard MIDI file (with NAudio.Midi, one track, a tempo and a piano) and as a WAV file
// from a small synthesiser: each note three harmonics of its frequency $f = 440 \cdot 2^{(p - 69)/12}$ Hz with a short
// attack and an exponential decay, mono at 8 kHz. The players below carry the WAV file inside the page (a data URI),
// so they play offline, here and in the book; to keep the page small each plays the first 7 seconds (the files in
// `out/music/` hold the whole melodies). The first is generated at $T = 1$; the second is a real tune for comparison.

var outFolder = Path.Combine("..", "out", "music");
var synth = new WavSynth(SampleRate: 8000, BeatsPerMinute: 110);
foreach (var (t, notes) in melodies)
{
    MidiFiles.Write(Path.Combine(outFolder, $"melody-T{t:F1}.mid"), notes, beatsPerMinute: 110);
    synth.Write(Path.Combine(outFolder, $"melody-T{t:F1}.wav"), notes);
}
var generated = synth.Fitting(melodies.Single(m => m.Temperature == 1.0).Notes, seconds: 7);
var readBack = MidiFiles.Read(Path.Combine(outFolder, "melody-T1.0.mid"));
var written = MidiFiles.JoinRests(melodies.Single(m => m.Temperature == 1.0).Notes);   // a MIDI file joins adjacent rests
Report("notes read back differently from the MIDI file",
    readBack.Zip(written).Count(p => p.First != p.Second) + Math.Abs(readBack.Count - written.Count));
display(new AudioClip(synth.ToWav(generated), $"Generated at T = 1 from the seed C4 ({generated.Count} notes)"));
var real = synth.Fitting(frere.ToNaturalKey().Notes, seconds: 7);
NotebookScript.Show(new AudioClip(synth.ToWav(real), $"A real tune: Frère Jacques, its first {real.Count} notes"));

// ### See them
//
// A piano roll draws each note as a bar at its pitch, from its start to its end. The first 8 bars of the real tune on
// the left; the whole generated tunes to its right, in order of temperature:

IReadOnlyList<(int Pitch, int Duration)> Roll(IEnumerable<MelodyNote> notes, int sixteenths = 128)
{
    int end = 0;                                                                     // the notes that end within 8 bars of 4/4
    return notes.TakeWhile(n => (end += n.Duration) <= sixteenths).Select(n => (n.Pitch, n.Duration)).ToList();
}
NotebookScript.Show(Charts.PianoRoll("A real tune and three generated 8-bar tunes",
    [("Frère Jacques", Roll(frere.ToNaturalKey().Notes)), .. melodies.Select(m => ($"generated, T = {m.Temperature}", Roll(m.Notes)))]));

// Every tune fills its 8 bars, no note crosses a bar line (the `|` in the table above), and the last note is a C: the
// mask guarantees those at any seed and temperature, and the tests check them over many. Within the rules the model
// chooses every note: these three stay mostly in the scale of C, move by steps and small leaps, and repeat notes and
// rhythms as the tunes do; they do not build phrases of 4 or 8 bars, which 33 short tunes cannot teach. The floor of
// 32 notes rules out only long notes while a tune keeps one note per beat; a tune that falls behind gets shorter notes
// as it goes, not a burst of them at its end.
//
// ## 7. Real music: Bach's chorales
//
// The UCI "Bach Chorales" dataset (Conklin and Witten; CC BY 4.0) holds the soprano lines of 100 chorales as Lisp-like
// lists of events, one per note: `((st 8) (pitch 67) (dur 4) (keysig 1) (timesig 12) (fermata 0))`, with start and
// duration in sixteenths and the pitch as a MIDI number. The loader looks in the folder named by `RNNNOTEBOOKS_DATA`,
// then in the per-user cache, else downloads it from UCI and checks its SHA-256. A gap between two notes becomes a
// rest; the key signature moves each chorale to C major or A minor as before. Split 60 / 20 / 20 by chorale, in the
// same $i$ mod 5 way.

IReadOnlyList<Melody>? chorales = null;
try
{
    var (loaded, file) = await BachChorales.LoadAsync();
    chorales = loaded;
    Console.WriteLine($"Bach chorales: {loaded.Count} chorales, {loaded.Sum(c => c.Notes.Count)} notes and rests from {BachChorales.Credit}");
}
catch (DataUnavailableException e)
{
    Console.WriteLine($"This notebook uses its bundled tunes only: the Bach chorales could not be found or downloaded ({e.Reason}).");
}
Report("real data", chorales is null ? 0 : 1);

(double Unigram, double Bigram, double Rnn, double Lstm)? choraleScores = null;
TokenLanguageModel? choraleBest = null;
if (chorales is not null)
{
    var choraleSplit = SplitByIndex(chorales);
    var choraleModel = TokenLanguageModel.Create(music, nA: 64, seed: 1, TokenGrammars.PitchThenDuration);
    choraleModel.Train(choraleSplit.Train, choraleSplit.Dev,
        new TrainingOptions { Epochs = 40, BatchSize = 8, LearningRate = 0.01, Patience = 6, Seed = 1 },
        e => { if (e.Epoch % 5 == 0) Console.WriteLine($"chorales, epoch {e.Epoch}: train {e.TrainLoss:F3}, dev {e.HeldOutLoss:F3} per token{Timing.Elapsed(e.Seconds)}"); });
    var choraleLstm = TrainLstm("chorales", choraleSplit);
    var s = Scores(choraleSplit, choraleModel, choraleLstm);
    (choraleScores, choraleBest) = (s, s.Lstm < s.Rnn ? choraleLstm : choraleModel);
}

if (choraleScores is { } cs)
{
    ReportScores("chorales", cs);
    display(ScoreTable(cs));
}

// A chorale generated the same way, 8 bars of 4/4 from C4 at $T = 1$, by whichever chorale model has the lower
// held-out NLL, beside the first 8 bars of a real chorale:

if (choraleBest is not null)
{
    var chorale = Generate(choraleBest, 1.0, seed: 3, eightBars);
    Report("chorales: generated 8 full bars ending on C", Whole(chorale, eightBars) ? 1 : 0);
    display(Charts.PianoRoll($"A real chorale and an 8-bar tune generated by the chorale {choraleBest.Cell}",
        [(chorales![0].Title, Roll(chorales[0].ToNaturalKey().Notes)), ("generated", Roll(chorale))]));
}

// All four models side by side, on the held-out tunes and chorales (offline, the bundled tunes only):

string[] modelNames = ["unigram", "bigram", "RNN", "LSTM"];
double[] Values((double Unigram, double Bigram, double Rnn, double Lstm) s) => [s.Unigram, s.Bigram, s.Rnn, s.Lstm];
var groups = new List<(string Name, IReadOnlyList<double> Values)> { ("bundled tunes", Values(tuneScores)) };
if (choraleScores is { } scores) groups.Add(("Bach chorales", Values(scores)));
NotebookScript.Show(Charts.Bars("Held-out negative log-likelihood per note (lower is better)", "nats per note", modelNames, groups));

// Chorale melodies are more predictable than the mixed bag of bundled tunes (mostly quarter notes, stepwise motion,
// a narrow range), so every model scores lower; the bigram gains most from that regularity, and the RNN still beats it.
// The LSTM is more than 0.15 nats per note below the bigram on both sets. It beats the RNN on both at this seed;
// over three seeds (`rnnbook sweep`) it is lower on average, not at every seed: with a few dozen training tunes the
// difference between the two cells is smaller than the spread of either over seeds.
//
// ## 8. Save the models, and generate from the command line
//
// The models are saved in the weight format PyTorch and Hugging Face use, safetensors (the RNN's $W_{aa}$, $W_{ax}$,
// $W_{ya}$, $b_a$, $b_y$, or the LSTM's stacked gate weights and $W_{ya}$, $b_y$), beside a JSON file with the tokens by
// id, the sizes, the activations, the cell and the grammar. The music model saved is the one trained on the bundled
// tunes (it is always there, offline too) with the lower held-out NLL.

var models = Path.Combine("..", "out", "models");
nameModel.Save(Path.Combine(models, "names"), "names");
best.Save(Path.Combine(models, "music"), "music");
var namesBack = TokenLanguageModel.Load(Path.Combine(models, "names"));
var musicBack = TokenLanguageModel.Load(Path.Combine(models, "music.safetensors"));
Report("names sampled differently after save and load", Enumerable.Range(0, 50).Count(i =>
    !nameModel.Sample(new Sampler(i)).SequenceEqual(namesBack.Sample(new Sampler(i)))));
Report("music NLL change after save and load", Math.Abs(MusicScores.NegativeLogLikelihoodPerNote(musicBack, tuneSplit.Test) - Math.Min(tuneScores.Rnn, tuneScores.Lstm)));
NotebookScript.Show($"saved: {Path.Combine(models, "names.safetensors")}, and {Path.Combine(models, "music.safetensors")} ({musicBack.Cell} cells), each beside its .json");

// From the repository root, ten names at $T = 0.8$, then two melodies of 8 bars of 4/4 written as MIDI and WAV files
// into a folder (the command prints their paths), then one of 16 bars of 3/4 in A minor that starts with the three notes
// given (`--bars` takes 1 to 128; a prompt note that crosses a bar line is refused, naming it):
//
// ```bash
// dotnet run --project lib/RnnNotebooks.Cli -- generate names --count 10 --temperature 0.8 --seed 1
// dotnet run --project lib/RnnNotebooks.Cli -- generate music --count 2 --out out/generated
// dotnet run --project lib/RnnNotebooks.Cli -- generate music --bars 16 --meter 3/4 --key minor --prompt "A4:4 C5:2 B4:2"
// ```

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - One-to-many: one input (a start token or a seed), then every output $\hat{y}^{\langle t \rangle}$ is **sampled** and
//   fed back as $x^{\langle t+1 \rangle}$. Training is ordinary teacher forcing: inputs are the sequence, targets the
//   sequence shifted by one, the end marked by a token.
// - The temperature $T$ divides the logits before the softmax: below 1 safer and more repetitive, above 1 more varied
//   and more often wrong. At $T = 1$ most generated names are new.
// - Music becomes tokens once choices are made: a note as a pitch token and a duration token, a grammar between them,
//   every tune moved to one key, long rests split.
// - A generative model is measured on music it has not seen: the negative log-likelihood per note. The RNN beats a
//   unigram and a bigram model on held-out tunes and held-out chorales, because its state carries more than one note
//   of context.
// - The LSTM, the same model with gated cells, is more than 0.15 nats per note below the bigram on both sets; it beats
//   the RNN on average over seeds, not at every one.
// - A whole tune of a given length is a **masked** sample: durations add up to bars that no note crosses, the end token
//   gets probability 0 until the bars are full, and the last note is steered to the tonic; the rest of
//   $\hat{y}^{\langle t \rangle}$ is renormalised, so the model still chooses everything the rules leave open.
//
// ## Exercises
//
// 1. Train the names model with $n_a = 16$ and $n_a = 128$. How do the training loss and the share of new names at
//    $T = 1$ change? Which samples look more like names?
// 2. Sample 1,000 names at $T = 1$ and list the most frequent ones. Are they in the training list? Why does the model
//    repeat them?
// 3. Encode each note as **one** token (pitch and duration together, `NoteTokens` pairs joined). How large is the
//    vocabulary, and what happens to the held-out NLL per note?
// 4. Train the music model without transposing the tunes to C (skip `ToNaturalKey`). How much worse is the held-out
//    NLL, and why?
// 5. Write a tune of your own in ABC (`data/music/` shows the subset read), and compute its NLL per note under the saved
//    model (`TokenLanguageModel.Load`, `MusicScores`). Is it more or less surprising than the held-out tunes?
// 6. Generate with `rnnbook generate music --temperature 0.5` and `--temperature 1.5` and listen to the WAV files.
//    Describe what changes.
// 7. Write an `ISamplingConstraint` of your own that keeps the bars but not the tonic rule (start from
//    `WholeTuneConstraint`), generate 100 tunes of 8 bars, and count how many end on a C by themselves. Then try
//    `rnnbook generate music --bars 16 --meter 3/4 --key minor`. The model never sees bar lines: do its tunes sound
//    like waltzes, or like 4/4 tunes cut into bars of three beats?
