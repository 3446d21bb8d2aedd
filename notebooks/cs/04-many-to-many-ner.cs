// 04-many-to-many-ner.cs: notebooks/04-many-to-many-ner.ipynb as a .NET file-based app, written by `rnnbook export`.
// Edit the notebook, not this file, and export again. Run from the repository root:
//     dotnet run notebooks/cs/04-many-to-many-ner.cs
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
using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Plots;
using RnnNotebooks.Tasks;
using static RnnNotebooks.Scripts.Figures;

NotebookScript.Start();

// # 04 · Many-to-many, $T_x = T_y$: named-entity recognition
//
// The note's first type of RNN reads one input and writes one output at every step, so the output sequence is as long as
// the input: $T_x = T_y$. Its example is **named-entity recognition**: in *Harry Potter and Hermione Granger invented a
// new spell*, tag each word with whether it is part of a name, and of which kind.
//
// In this notebook you will:
//
// 1. read tagged English text in the CoNLL format and the IOB2 tags (`B-PER`, `I-PER`, ..., `O`), on a set written for
//    this course and on **wikigold**, 145 real Wikipedia articles;
// 2. turn words into vectors: a vocabulary with an unknown word, a learned **embedding** $E$ trained by BPTT through
//    $dx^{\langle t \rangle}$, and features of a word's form so that a name never seen in training can still be tagged;
// 3. train the note's RNN as a tagger, with padding and masks, Adam and clipping, against a most-frequent-tag baseline;
// 4. see what a left-to-right RNN cannot know (*Teddy Roosevelt* against *Teddy bears*) and fix it with a
//    **bidirectional RNN**;
// 5. score taggers as CoNLL does (exact span and type), read a confusion matrix and the errors that remain, and save
//    the model that `rnnbook predict ner` uses.
//
// It trains four taggers and two baselines (about 30 seconds in all on a 2-core machine, progress printed per epoch) and
// checks at its end that it ran in under 90 seconds.

// ## The libraries
//
// The core (`RnnNotebooks`: the RNN, the bidirectional RNN, the embedding, Adam), the datasets (`RnnNotebooks.Data`: the
// CoNLL reader, the scorer, the bundled set and wikigold), the charts (`RnnNotebooks.Plots`) and the tagger built from
// those pieces (`RnnNotebooks.Tasks`), all built by `dotnet build` at the repository root.

var clock = System.Diagnostics.Stopwatch.StartNew();

// ## 1. The task: one tag per word
//
// Each word $x^{\langle t \rangle}$ gets a tag $y^{\langle t \rangle}$ from 9 classes. IOB2 marks where a name begins and
// goes on: `B-X` begins an entity of type X, `I-X` continues it, `O` is outside any entity. The types are people (PER),
// places (LOC), organisations (ORG) and the rest (MISC: nationalities, languages, events, works).
//
// | $t$ | 1 | 2 | 3 | 4 | 5 | 6 | 7 |
// |---|---|---|---|---|---|---|---|
// | $x^{\langle t \rangle}$ | Harry | Potter | and | Hermione | Granger | invented | ... |
// | $y^{\langle t \rangle}$ | B-PER | I-PER | O | B-PER | I-PER | O | ... |
//
// The bundled set (`data/ner/`, see its README) was written for this course: sentences from news, sport, science,
// history, business and culture, with the hard cases a tagger must learn (*May* the month and *Theresa May*, *Apple* the
// fruit and the company, *Bank of England*). Its test split holds only names that never occur in training.

var bundled = BundledNer.Load();
var train = NerSplits.SentencesOf(bundled.Train);
var dev = NerSplits.SentencesOf(bundled.Dev);
var test = NerSplits.SentencesOf(bundled.Test);
Report("bundled train sentences", train.Count);
Report("bundled test sentences", test.Count);
NotebookScript.Show(Tables.FromRecords(test.Take(6).Select(s => new { Sentence = s.ToString(), Tags = string.Join(" ", s.Tags) })));

// How many entities of each type each split holds:

string[] types = ["PER", "LOC", "ORG", "MISC"];
double[] EntitiesByType(IReadOnlyList<NerSentence> split) =>
    types.Select(type => (double)split.Sum(s => s.Entities.Count(e => e.Type == type))).ToArray();
NotebookScript.Show(Charts.Bars("Entities per type in the bundled splits", "entities", types,
    [("train", EntitiesByType(train)), ("dev", EntitiesByType(dev)), ("test", EntitiesByType(test))]));

// ## 2. Words to vectors
//
// The note's $x^{\langle t \rangle}$ is a vector. A one-hot vector over a vocabulary of $V$ words would be as long as the
// vocabulary; instead each word id $w$ picks a column of a learned matrix $E$ of shape $(n_e, V)$, its **embedding**:
// $E_{:,w}$. Words seen fewer than twice in training share one id, `<unk>`, so the model also learns what to do with a
// word it does not know. Lower-casing (and writing every digit as 0) lets *Apple* and *apple* share a vector.
//
// What does the tagger know of a word it has never seen? Only its form: *Zyxwvut Corp.* is capitalised, and the word
// before *Corp.* often names an organisation. So $x^{\langle t \rangle}$ also gets the word's last three letters, through
// a second small embedding $S$, and nine features $f^{\langle t \rangle}$ (capitalisation pattern, digits, a hyphen, a
// period, first in the sentence):
//
// $$x^{\langle t \rangle} = \begin{bmatrix} E_{:,w^{\langle t \rangle}} \\ S_{:,s^{\langle t \rangle}} \\ f^{\langle t \rangle} \end{bmatrix}$$
//
// $E$ and $S$ are trained like any weight: BPTT gives $dx^{\langle t \rangle} = W_{ax}^{\top} dz^{\langle t \rangle}$ (the core
// already returns it), and its first $n_e$ rows are added to column $w^{\langle t \rangle}$ of $dE$.

var words = WordVocabulary.Build(train.Select(s => s.Tokens));
Report("vocabulary size", words.Count);
Report("unknown word share of the test tokens", words.UnknownRate(test.Select(s => s.Tokens)));
NotebookScript.Show(Tables.FromRecords(new[] { "Harry", "apple", "Apple", "IBM", "1997", "Rolls-Royce", "Zyxwvut" }.Select(w => new
{
    Word = w, Id = words.IdOf(w), Pattern = WordFeatures.Pattern(w).ToString(), Suffix = WordFeatures.Suffix(w),
    Features = string.Join(" ", WordFeatures.Of(w, position: 1)),
})));

// ## 3. The tagger in the note's equations
//
// The note's RNN, one output per step, with $g_2$ a softmax over the 9 tags:
//
// $$a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right), \qquad \hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right)$$
//
// Sentences differ in length, so a batch of $m$ sentences is padded to the longest, and the loss masks the padding out
// with weights $w_j^{\langle t \rangle} = 0$ there (1 on real tokens):
//
// $$\mathcal{L} = \frac{1}{\sum_{t,j} w_j^{\langle t \rangle}} \sum_{t=1}^{T_x} \sum_{j=1}^{m} w_j^{\langle t \rangle} \left(-\log \hat{y}^{\langle t \rangle}_{y_j^{\langle t \rangle}, j}\right)$$
//
// Training is Adam on minibatches of 16 sentences, with the gradient clipped to norm 5.
//
// First a baseline to beat: tag each word with its most frequent tag in training, and an unknown capitalised word with the
// most frequent entity type.

IReadOnlyList<IReadOnlyList<string>> TokensOf(IReadOnlyList<NerSentence> split) => split.Select(s => s.Tokens).ToList();
NerScores Evaluate(Func<IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<IReadOnlyList<string>>> tag, IReadOnlyList<NerSentence> split) =>
    EntityScorer.Score(split, tag(TokensOf(split)));
var baseline = MostFrequentTagBaseline.Train(train);
var baselineScores = Evaluate(baseline.Predict, test);
Report("bundled baseline entity F1", baselineScores.Micro.F1);

// Now the RNN, left to right. Each epoch prints its training loss and its loss and entity F1 on the dev split.

NerTrainingResult Train(NerTagger tagger, IReadOnlyList<NerSentence> trainOn, IReadOnlyList<NerSentence> heldOut,
    NerTrainingOptions options, string name) =>
    NerTraining.Train(tagger, trainOn, heldOut, options, e => Console.WriteLine(
        $"{name}, epoch {e.Epoch}: train loss {e.TrainLoss:F3}, held-out loss {e.HeldOutLoss:F3}, held-out F1 {e.HeldOutF1:F3}{Timing.Elapsed(e.Seconds)}"));
var rnn = NerTagger.Create(train, new NerTaggerOptions { Direction = TaggerDirection.LeftToRight, Seed = 1 });
var rnnRun = Train(rnn, train, dev, new NerTrainingOptions { Epochs = 10, Seed = 1 }, "RNN");
var rnnScores = Evaluate(rnn.Predict, test);
Report("bundled RNN entity F1", rnnScores.Micro.F1);

// ## 4. What a left-to-right RNN cannot know
//
// *Teddy Roosevelt was a president* and *Teddy bears are on sale* both start with *Teddy*. Whether it is a name depends
// on the word **after** it, but $\hat{y}^{\langle 1 \rangle}$ is computed from $a^{\langle 1 \rangle}$, which has seen only
// $x^{\langle 1 \rangle}$. Whatever it learns, a left-to-right RNN gives *Teddy* the same tag in both sentences:

string[] president = ["Teddy", "Roosevelt", "was", "a", "president", "."];
string[] bears = ["Teddy", "bears", "are", "on", "sale", "."];
Report("RNN tags Teddy alike in both sentences", rnn.Predict(president)[0] == rnn.Predict(bears)[0] ? 1 : 0);
NotebookScript.Show(Tables.FromRecords(new[] { president, bears }.Select(s => new { RNN = new NerSentence(s, rnn.Predict(s)).ToString() })));

// A **bidirectional RNN** runs a second RNN from the end of the sentence to its start, with weights of its own, and the
// output layer reads both states at step $t$:
//
// $$\overrightarrow{a}^{\langle t \rangle} = g_1\left(\overrightarrow{W}_{aa} \overrightarrow{a}^{\langle t-1 \rangle} + \overrightarrow{W}_{ax} x^{\langle t \rangle} + \overrightarrow{b}_a\right), \qquad \overleftarrow{a}^{\langle t \rangle} = g_1\left(\overleftarrow{W}_{aa} \overleftarrow{a}^{\langle t+1 \rangle} + \overleftarrow{W}_{ax} x^{\langle t \rangle} + \overleftarrow{b}_a\right)$$
//
// $$\hat{y}^{\langle t \rangle} = \operatorname{softmax}\left(W_{ya} \begin{bmatrix} \overrightarrow{a}^{\langle t \rangle} \\ \overleftarrow{a}^{\langle t \rangle} \end{bmatrix} + b_y\right)$$
//
// The backward RNN starts at each sentence's own last word, not at the padding (`BidirectionalRnn` reverses only the
// real tokens of each sentence). In BPTT, $W_{ya}^{\top} dz_y^{\langle t \rangle}$ splits into the two halves that flow
// into each direction, and $dx^{\langle t \rangle}$ is the sum of both directions' $dx^{\langle t \rangle}$; the tests check
// every gradient against central differences.

var birnn = NerTagger.Create(train, new NerTaggerOptions { Direction = TaggerDirection.Bidirectional, Seed = 1 });
var birnnRun = Train(birnn, train, dev, new NerTrainingOptions { Epochs = 10, Seed = 1 }, "BiRNN");
var birnnScores = Evaluate(birnn.Predict, test);
Report("bundled BiRNN entity F1", birnnScores.Micro.F1);
NotebookScript.Show(Tables.FromRecords(new[] { president, bears }.Select(s => new
{
    RNN = new NerSentence(s, rnn.Predict(s)).ToString(), BiRNN = new NerSentence(s, birnn.Predict(s)).ToString(),
})));

// The BiRNN's tag for *Teddy* can now differ between the two sentences: $\overleftarrow{a}^{\langle 1 \rangle}$ has read
// the whole sentence, *bears* included. Whether it gets both right depends on what the few hundred training sentences
// taught it; the left-to-right RNN could not, whatever it was taught.
//
// The loss per token on the training sentences and on the dev split, epoch by epoch:

Series Curve(string name, NerTrainingResult run, Func<NerEpoch, double> value) =>
    new(name, run.Epochs.Select(e => (double)e.Epoch).ToList(), run.Epochs.Select(value).ToList());
NotebookScript.Show(Charts.Lines("Training on the bundled set", "epoch", "loss per token",
    [Curve("RNN, train", rnnRun, e => e.TrainLoss), Curve("RNN, dev", rnnRun, e => e.HeldOutLoss),
     Curve("BiRNN, train", birnnRun, e => e.TrainLoss), Curve("BiRNN, dev", birnnRun, e => e.HeldOutLoss)], markers: true));

// ## 5. Scores as CoNLL counts them
//
// A predicted entity counts only if its span **and** its type equal a gold entity's: *Bank of* for *Bank of England*
// is wrong, and so is ORG for a LOC. Precision is the share of predicted entities that are right, recall the share of
// gold entities found, and $F_1 = 2PR / (P + R)$; "all" pools every entity (micro-average). On the held-out test split:

EntityCounts Of(NerScores scores, string type) =>
    type == "all" ? scores.Micro : scores.PerType.GetValueOrDefault(type, new EntityCounts(0, 0, 0));
Deedle.Frame<int, string> ScoreTable(IEnumerable<(string Model, NerScores Scores)> models) => Tables.FromRecords(
    from model in models
    from type in types.Append("all")
    let c = Of(model.Scores, type)
    select new { model.Model, Type = type, Precision = Math.Round(c.Precision, 3), Recall = Math.Round(c.Recall, 3),
                 F1 = Math.Round(c.F1, 3), Support = c.Support });
NotebookScript.Show(ScoreTable([("baseline", baselineScores), ("RNN", rnnScores), ("BiRNN", birnnScores)]));

// Which type does the BiRNN give the tokens of each gold type (B- and I- together)? Each row sums to 1:

string[] classes = ["O", .. types];
int ClassOf(string tag) => Array.IndexOf(classes, IobTags.TypeOf(tag) ?? "O");
var birnnTest = birnn.Predict(TokensOf(test));
var confusion = new double[classes.Length, classes.Length];
foreach (var (sentence, predicted) in test.Zip(birnnTest))
    for (int t = 0; t < sentence.Length; t++) confusion[ClassOf(sentence.Tags[t]), ClassOf(predicted[t])]++;
for (int i = 0; i < classes.Length; i++)
{
    double row = Math.Max(1, Enumerable.Range(0, classes.Length).Sum(j => confusion[i, j]));
    for (int j = 0; j < classes.Length; j++) confusion[i, j] /= row;
}
Report("BiRNN share of O tokens tagged O", confusion[0, 0]);
NotebookScript.Show(Charts.Heatmap("BiRNN on the bundled test split: gold type (rows) against predicted type", confusion, classes, classes,
    "predicted", "gold", zLimit: 1));

// Test sentences as the BiRNN tags them, beside the gold entities:

NotebookScript.Show(Tables.FromRecords(test.Zip(birnnTest).Take(8).Select(p => new
{
    Gold = p.First.ToString(), BiRNN = new NerSentence(p.First.Tokens, p.Second).ToString(),
})));

// ## 6. Real text: wikigold
//
// Wikigold (Balasuriya et al. 2009, CC BY 4.0) tags 145 Wikipedia articles. The loader looks for it in the folder named
// by `RNNNOTEBOOKS_DATA`, then in the per-user cache, else downloads it and checks its SHA-256. It is split **by
// article**, never by sentence: the first 80% of the articles to train (their last fifth held out as dev, to stop
// training when the dev F1 stops rising), the rest to test. These articles are longer and their names far more varied than
// the bundled set's, so the models are larger ($n_e = 64$, $n_a = 64$) and train with a smaller learning rate.

NerSplits? wiki = null;
try
{
    var (splits, file) = await Wikigold.LoadAsync();
    wiki = splits;
    Console.WriteLine($"wikigold: {splits.Train.Count} training and {splits.Test.Count} test articles from {Wikigold.Credit}");
}
catch (DataUnavailableException e)
{
    Console.WriteLine($"This notebook uses its bundled set only: wikigold could not be found or downloaded ({e.Reason}).");
}
Report("real data", wiki is null ? 0 : 1);

var wikiTagger = new NerTaggerOptions { nE = 64, nS = 32, nA = 64, Seed = 1 };
var wikiTraining = new NerTrainingOptions { Epochs = 15, LearningRate = 0.003, Patience = 4, Seed = 1 };
IReadOnlyList<NerSentence> wikiTrain = [], wikiDev = [], wikiTest = [];
var wikiScores = new List<(string Model, NerScores Scores)>();
if (wiki is not null)
{
    int devArticles = wiki.Train.Count / 5;
    wikiTrain = NerSplits.SentencesOf(wiki.Train.Take(wiki.Train.Count - devArticles));
    wikiDev = NerSplits.SentencesOf(wiki.Train.Skip(wiki.Train.Count - devArticles));
    wikiTest = NerSplits.SentencesOf(wiki.Test);
    wikiScores.Add(("baseline", Evaluate(MostFrequentTagBaseline.Train(wikiTrain).Predict, wikiTest)));
    Report("wikigold baseline entity F1", wikiScores[^1].Scores.Micro.F1);
    var wikiRnn = NerTagger.Create(wikiTrain, wikiTagger with { Direction = TaggerDirection.LeftToRight });
    Train(wikiRnn, wikiTrain, wikiDev, wikiTraining, "wikigold RNN");
    wikiScores.Add(("RNN", Evaluate(wikiRnn.Predict, wikiTest)));
    Report("wikigold RNN entity F1", wikiScores[^1].Scores.Micro.F1);
    var wikiBirnn = NerTagger.Create(wikiTrain, wikiTagger with { Direction = TaggerDirection.Bidirectional });
    Train(wikiBirnn, wikiTrain, wikiDev, wikiTraining, "wikigold BiRNN");
    wikiScores.Add(("BiRNN", Evaluate(wikiBirnn.Predict, wikiTest)));
    Report("wikigold BiRNN entity F1", wikiScores[^1].Scores.Micro.F1);
}

// Per type on wikigold's held-out articles (shown when the data was found):

if (wikiScores.Count > 0) display(ScoreTable(wikiScores));

// ## 7. The errors that remain
//
// Gold entities of the bundled test split that the BiRNN did not find exactly, with the tags it gave their words:

var missed =
    from pair in test.Zip(birnnTest)
    let found = IobTags.Spans(pair.Second)
    from entity in pair.First.Entities
    where !found.Contains(entity)
    select new { Entity = pair.First.TextOf(entity), Gold = entity.Type,
                 Predicted = string.Join(" ", pair.Second.Skip(entity.Start).Take(entity.Length)), Sentence = pair.First.ToString() };
Report("bundled test entities the BiRNN missed", missed.Count());
NotebookScript.Show(Tables.FromRecords(missed.Take(10)));

// The misses are of a few kinds: an unknown capitalised word at the start of a sentence, where capitals say nothing
// (*Reading* the town, *Nice*), a name with lower-case words inside it (*Ursula von der Leyen*), and an organisation read
// as another type (*Kremlin*, *African Union*): the form says "a name", and only more context, or more training text,
// can say which kind.
//
// ## 8. Save the model, and use it from the command line
//
// `rnnbook predict ner` will be given sentences nobody here wrote, so the tagger it uses learns from all the training
// text there is: wikigold's training articles and the bundled training sentences together (the bundled set alone when
// wikigold is not there), with the wikigold settings, stopping on both dev splits. Both test splits stay held out, and
// its scores on them are its honest figures.
//
// It is saved in the weight format PyTorch and Hugging Face use, safetensors (`ner.safetensors`: $E$, $S$, both
// directions' $W_{aa}$, $W_{ax}$, $b_a$, and $W_{ya}$, $b_y$), beside `ner.json` (vocabularies, tags, sizes, activations).

var allTrain = wikiTrain.Concat(train).ToList();
var saved = NerTagger.Create(allTrain, wikiTagger with { Direction = TaggerDirection.Bidirectional });
Train(saved, allTrain, wikiDev.Concat(dev).ToList(), wikiTraining, "saved BiRNN");
Report("saved model entity F1 on the bundled test split", Evaluate(saved.Predict, test).Micro.F1);
if (wiki is not null) Report("saved model entity F1 on the wikigold test articles", Evaluate(saved.Predict, wikiTest).Micro.F1);

var modelPath = System.IO.Path.Combine("..", "out", "models", "ner");
saved.Save(modelPath);
var reloaded = NerTagger.Load(modelPath);
Report("sentences tagged differently after save and load",
    saved.Predict(TokensOf(test)).Zip(reloaded.Predict(TokensOf(test))).Count(p => !p.First.SequenceEqual(p.Second)));
NotebookScript.Show(modelPath + ".safetensors");

// From the repository root, one sentence per line in, one line of tags out:
//
// ```bash
// echo "Ada Lovelace worked with Charles Babbage in London ." | dotnet run --project lib/RnnNotebooks.Cli -- predict ner
// ```

ReportSeconds("seconds to run", clock.Elapsed.TotalSeconds);

// ## Summary
//
// - Many-to-many with $T_x = T_y$: one output $\hat{y}^{\langle t \rangle}$ per input word, a softmax over IOB2 tags, and
//   a loss summed over the steps with padding masked out.
// - Words become vectors through a learned embedding $E$, trained by the $dx^{\langle t \rangle}$ that BPTT already
//   computes; an unknown word shares `<unk>`, and features of its form (capitals, suffix) let the tagger guess at names
//   it never saw.
// - A left-to-right RNN tags word $t$ from words $1..t$ only; a bidirectional RNN also reads $t+1..T_x$, which names
//   like *Teddy Roosevelt* need.
// - Entities are scored as CoNLL does, by exact span and type; on real Wikipedia text a small tagger trained from scratch
//   on 30,000 words is far from perfect, and the errors show why: unknown words whose form does not decide their type.
//
// ## Exercises
//
// 1. Train the BiRNN without the form features (hint: compare `WordFeatures.Of` for a few words, then read how
//    `NerTagger` builds $x^{\langle t \rangle}$). How much of its F1 on the bundled test split do they bring?
// 2. Set `MinWordCount = 1` in `NerTaggerOptions`, so no training word is unknown. What happens to the F1 on test, and
//    why does `<unk>` need training examples?
// 3. Plot the dev F1 per epoch (`NerEpoch.HeldOutF1`) for the RNN and the BiRNN on wikigold. When would early stopping
//    have stopped each?
// 4. Tag a few sentences of your own with `rnnbook predict ner`. Which entities does it miss, and which type does it
//    confuse with which?
// 5. A tag sequence such as `O I-PER` is not valid IOB2. Count how often the BiRNN predicts an `I-X` that does not follow
//    `B-X` or `I-X` on the test split. (A conditional random field on top of the RNN is the usual fix.)
