// 07-one-to-many-generation.cs: notebooks/07-one-to-many-generation.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/07-one-to-many-generation.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:project ../../lib/RnnNotebooks.Scripts/RnnNotebooks.Scripts.csproj
#:project ../../lib/RnnNotebooks/RnnNotebooks.csproj
#:project ../../lib/RnnNotebooks.Data/RnnNotebooks.Data.csproj
#:project ../../lib/RnnNotebooks.Plots/RnnNotebooks.Plots.csproj
#:project ../../lib/RnnNotebooks.Tasks/RnnNotebooks.Tasks.csproj

using RnnNotebooks.Scripts;
using static RnnNotebooks.Scripts.NotebookScript;
using System.IO;
using RnnNotebooks;
using RnnNotebooks.Data;
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
//    duration), and train the same kind of RNN on them;
// 4. measure it honestly: the negative log-likelihood per note of **held-out** tunes against a unigram and a bigram
//    baseline, on the bundled tunes and on Bach's chorales (UCI);
// 5. generate melodies from a single seed note, write them as MIDI and WAV files, **listen** to them here, and see
//    them as a piano roll beside a real tune; then save both models for `rnnbook generate`.
//
// It trains three small RNNs (about 20 seconds in all on a 2-core machine, more when it is shared; progress printed per
// epoch) and checks at its end that it ran in under 90 seconds.

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
var nameRun = nameModel.Train(nameSequences, options: new TokenTrainingOptions { Epochs = 20, BatchSize = 32, LearningRate = 0.01, Seed = 1 },
    onEpoch: e => { if (e.Epoch % 4 == 0) Console.WriteLine($"names, epoch {e.Epoch}: loss {e.TrainLoss:F3} per character{Timing.Elapsed(e.Seconds)}"); });
Report("names: final training loss per character", nameRun[^1].TrainLoss);

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
//
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
    new TokenTrainingOptions { Epochs = 40, BatchSize = 8, LearningRate = 0.01, Patience = 6, Seed = 1 },
    e => { if (e.Epoch % 5 == 0) Console.WriteLine($"tunes, epoch {e.Epoch}: train {e.TrainLoss:F3}, dev {e.HeldOutLoss:F3} per token{Timing.Elapsed(e.Seconds)}"); });
Console.WriteLine($"stopped after epoch {tuneRun.Count}; kept the best dev epoch");

// How good is it? The honest measure of a generative model is how likely it finds music it has **not** seen: the
// negative log-likelihood per note of the held-out tunes, in nats (lower is better). A note's probability is the
// product of its pitch's and its duration's, and each tune's end counts as one more event:
//
// $$\text{NLL per note} = -\frac{1}{N} \sum_{\text{tunes}} \left( \sum_{k} \log P(\text{note}_k \mid \text{notes before}) + \log P(\text{end} \mid \text{the tune}) \right)$$
//
// Two baselines count (pitch, duration) events in the training tunes: a **unigram** model $P(e)$ (add-$\tfrac{1}{2}$
// smoothing over all 379 events) that ignores context, and a **bigram** model $P(e \mid e')$ that knows the previous
// note, smoothed towards the unigram: $P(e \mid e') = \frac{c(e', e) + \beta P(e)}{c(e') + \beta}$, with $\beta$ chosen on
// the training tunes alone. The RNN's whole history $a^{\langle t \rangle}$ should beat one note of context.

(double Unigram, double Bigram, double Rnn) Scores((List<int[]> Train, List<int[]> Dev, List<int[]> Test) split, TokenLanguageModel model)
{
    var trainAndDev = split.Train.Concat(split.Dev).ToList(); // the baselines have no early stopping: give them the dev tunes too
    return (NoteNgramBaseline.Unigram(trainAndDev).NegativeLogLikelihoodPerNote(split.Test),
            NoteNgramBaseline.BigramTuned(trainAndDev).NegativeLogLikelihoodPerNote(split.Test),
            MusicScores.NegativeLogLikelihoodPerNote(model, split.Test));
}
var tuneScores = Scores(tuneSplit, tuneModel);
Report("tunes: unigram NLL per note", tuneScores.Unigram);
Report("tunes: bigram NLL per note", tuneScores.Bigram);
Report("tunes: RNN NLL per note", tuneScores.Rnn);
Report("tunes: RNN below both baselines", tuneScores.Rnn < Math.Min(tuneScores.Unigram, tuneScores.Bigram) ? 1 : 0);
NotebookScript.Show(Tables.FromRecords(new[] { ("unigram", tuneScores.Unigram), ("bigram", tuneScores.Bigram), ("RNN", tuneScores.Rnn) }
    .Select(s => new { Model = s.Item1, NllPerNote = Math.Round(s.Item2, 3), PerplexityPerNote = Math.Round(Math.Exp(s.Item2), 1) })));

// The perplexity $e^{\text{NLL}}$ reads as "as uncertain as a fair choice among that many notes". With only 33 training
// tunes the RNN is still far from certain, but it is clearly better than counting notes or pairs of notes.
//
// ## 6. Generating a melody from one seed note
//
// The loop of section 1, for music: the tune starts in the state the model reaches after $\langle s \rangle$, the seed
// note C4 is $x^{\langle 1 \rangle}$, and from there every token is drawn from $\hat{y}^{\langle t \rangle}$ (at temperature
// $T$) and fed back, until the model draws the end or writes 64 notes.

NotebookScript.Show(Diagrams.UnrolledRnn(["C4", ":4", "E4", ":2", "G4", ":4"], [":4", "E4", ":2", "G4", ":4", "<s>"],
    "Melody generation: x<sup>⟨1⟩</sup> is the seed note, then ŷ<sup>⟨t⟩</sup> is sampled and fed back as x<sup>⟨t+1⟩</sup>", feedBack: true));

IReadOnlyList<MelodyNote> Generate(TokenLanguageModel model, double temperature, int seed) =>
    NoteTokens.Decode(model.Sample(new Sampler(seed), temperature, maxLength: 128, seed: [NoteTokens.PitchId(60)]));
var melodies = new[] { 0.7, 1.0, 1.3 }.Select(t => (Temperature: t, Notes: Generate(tuneModel, t, seed: 3))).ToList();
Report("generated melodies", melodies.Count);
NotebookScript.Show(Tables.FromRecords(melodies.Select(m => new
{
    m.Temperature, Notes = m.Notes.Count, Beats = m.Notes.Sum(n => n.Duration) / 4.0,
    Start = string.Join(" ", m.Notes.Take(14)),
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
// A piano roll draws each note as a bar at its pitch, from its start to its end. The real tune on the left; the
// generated melodies to its right, in order of temperature:

IReadOnlyList<(int Pitch, int Duration)> Roll(IEnumerable<MelodyNote> notes) => notes.Take(48).Select(n => (n.Pitch, n.Duration)).ToList();
NotebookScript.Show(Charts.PianoRoll("A real tune and three generated melodies (the first 48 notes of each)",
    [("Frère Jacques", Roll(frere.ToNaturalKey().Notes)), .. melodies.Select(m => ($"generated, T = {m.Temperature}", Roll(m.Notes)))]));

// The generated melodies stay in the scale of C, move by steps and small leaps, and repeat notes and rhythms as the
// tunes do; they do not keep a phrase structure of 4 or 8 bars, which 33 short tunes cannot teach. Higher temperatures
// leap further and use rarer durations.
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
    Console.WriteLine($"Bach chorales: {loaded.Count} chorales, {loaded.Sum(c => c.Notes.Count)} notes and rests ({file.Origin})");
}
catch (DataUnavailableException e)
{
    Console.WriteLine($"This notebook uses its bundled tunes only: the Bach chorales could not be found or downloaded ({e.Reason}).");
}
Report("real data", chorales is null ? 0 : 1);

(double Unigram, double Bigram, double Rnn)? choraleScores = null;
if (chorales is not null)
{
    var choraleSplit = SplitByIndex(chorales);
    var choraleModel = TokenLanguageModel.Create(music, nA: 64, seed: 1, TokenGrammars.PitchThenDuration);
    choraleModel.Train(choraleSplit.Train, choraleSplit.Dev,
        new TokenTrainingOptions { Epochs = 40, BatchSize = 8, LearningRate = 0.01, Patience = 6, Seed = 1 },
        e => { if (e.Epoch % 5 == 0) Console.WriteLine($"chorales, epoch {e.Epoch}: train {e.TrainLoss:F3}, dev {e.HeldOutLoss:F3} per token{Timing.Elapsed(e.Seconds)}"); });
    var s = Scores(choraleSplit, choraleModel);
    choraleScores = s;
    Report("chorales: unigram NLL per note", s.Unigram);
    Report("chorales: bigram NLL per note", s.Bigram);
    Report("chorales: RNN NLL per note", s.Rnn);
    Report("chorales: RNN below both baselines", s.Rnn < Math.Min(s.Unigram, s.Bigram) ? 1 : 0);
    display(Tables.FromRecords(new[] { ("unigram", s.Unigram), ("bigram", s.Bigram), ("RNN", s.Rnn) }
        .Select(r => new { Model = r.Item1, NllPerNote = Math.Round(r.Item2, 3), PerplexityPerNote = Math.Round(Math.Exp(r.Item2), 1) })));
}

// Chorale melodies are more predictable than the mixed bag of bundled tunes (mostly quarter notes, stepwise motion,
// a narrow range), so every model scores lower; the bigram gains most from that regularity, and the RNN still beats it.
//
// ## 8. Save the models, and generate from the command line
//
// Both models are saved in the weight format PyTorch and Hugging Face use, safetensors ($W_{aa}$, $W_{ax}$, $W_{ya}$,
// $b_a$, $b_y$), beside a JSON file with the tokens by id, the sizes, the activations and the grammar. The music model
// saved is the one trained on the bundled tunes (it is always there, offline too).

var models = Path.Combine("..", "out", "models");
nameModel.Save(Path.Combine(models, "names"), "names");
tuneModel.Save(Path.Combine(models, "music"), "music");
var namesBack = TokenLanguageModel.Load(Path.Combine(models, "names"));
var musicBack = TokenLanguageModel.Load(Path.Combine(models, "music.safetensors"));
Report("names sampled differently after save and load", Enumerable.Range(0, 50).Count(i =>
    !nameModel.Sample(new Sampler(i)).SequenceEqual(namesBack.Sample(new Sampler(i)))));
Report("music NLL change after save and load", Math.Abs(MusicScores.NegativeLogLikelihoodPerNote(musicBack, tuneSplit.Test) - tuneScores.Rnn));
NotebookScript.Show(Path.Combine(models, "music.safetensors"));

// From the repository root, ten names at $T = 0.8$, then two melodies written as MIDI and WAV files into a folder
// (the command prints their paths):
//
// ```bash
// dotnet run --project lib/RnnNotebooks.Cli -- generate names --count 10 --temperature 0.8 --seed 1
// dotnet run --project lib/RnnNotebooks.Cli -- generate music --count 2 --out out/generated
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
