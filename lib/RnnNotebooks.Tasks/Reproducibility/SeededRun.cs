namespace RnnNotebooks.Tasks;

/// <summary>
/// One short seeded training of <see cref="SeededRuns"/>: the SHA-256 of the model's parameters before and after it
/// (<see cref="ParameterHash"/>), and what the trained model says to one input or samples, when it has something to say.
/// </summary>
/// <param name="Name">The run's name, one word: e.g. "rnn-m8" (the core's RNN with batches of m = 8), "ner-birnn".</param>
/// <param name="BatchSize">m, sequences per minibatch (at most: a grouped or last minibatch may hold fewer).</param>
/// <param name="Steps">Optimiser updates made.</param>
/// <param name="Initial">SHA-256 of the parameters before training, 64 lower-case hex digits.</param>
/// <param name="Trained">SHA-256 of the parameters after training, 64 lower-case hex digits.</param>
/// <param name="Sample">Tokens sampled from the trained model, or its answer to a held-out input; null when the run has none.</param>
public sealed record SeededRun(string Name, int BatchSize, int Steps, string Initial, string Trained, string? Sample);
