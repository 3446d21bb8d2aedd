namespace RnnNotebooks;

/// <summary>
/// One run of <see cref="SequenceSearch.Beam"/> over buffers made once, so that a step allocates nothing. The decoder holds
/// two generations of k state slots: the partials of step t read theirs from one generation and write s&lt;t&gt; into the
/// other (partial j into slot j of it), and every partial kept at step t points at its parent's slot there. The tokens
/// are kept as back-pointers, one row of k per step: the rank of the parent among the candidates kept at step t - 1, and
/// y&lt;t&gt;; an output's tokens are read back from its last row only when it is returned.
/// </summary>
internal sealed class BeamSearch
{
    private readonly IStepDecoder decoder;
    private readonly int k, nY, end, maxLength;
    private readonly double alpha;
    private readonly double[] logProbabilities;    // (k, n_y): row j = log yHat<t> after partial j
    private readonly int[] parents, tokens;         // (maxLength, k): row t - 1 = the parent's rank at step t - 1, y<t>, of the candidates kept at step t
    private readonly int[] chosen;                  // the best candidates of a step, best first: j n_y + y<t>
    private readonly double[] chosenLogP;           // and their log P(y<1..t>)
    private readonly (int Step, int Rank, double LogP)[] finished;
    private Partials beam, next;
    private int finishedCount, steps;

    /// <summary>The buffers of one search (the arguments are checked by <see cref="SequenceSearch.Beam"/>).</summary>
    public BeamSearch(IStepDecoder decoder, int end, int maxLength, int k, double alpha)
    {
        (this.decoder, this.end, this.maxLength, this.k, this.alpha, nY) = (decoder, end, maxLength, k, alpha, decoder.Size);
        logProbabilities = new double[k * nY];
        parents = new int[maxLength * k];
        tokens = new int[maxLength * k];
        chosen = new int[k];
        chosenLogP = new double[k];
        finished = new (int, int, double)[k];
        (beam, next) = (new Partials(k), new Partials(k));
        decoder.Reserve(2 * k);
    }

    /// <summary>Runs the search from s&lt;0&gt; and y&lt;0&gt; = start, and returns the outputs best first (see <see cref="SequenceSearch.Beam"/>).</summary>
    public IReadOnlyList<Hypothesis> Run(int start)
    {
        decoder.Start(0);
        beam.Set(0, slot: 0, previous: start, logP: 0, rank: 0);
        beam.Count = 1;
        for (int t = 1; t <= maxLength && finishedCount < k && beam.Count > 0; t++)
        {
            int into = t % 2 * k; // the generation of slots s<t> goes into: k .. 2k - 1 at odd t, 0 .. k - 1 at even t
            for (int j = 0; j < beam.Count; j++)
            {
                decoder.Step(beam.Slot[j], beam.Previous[j], into + j, logProbabilities.AsSpan(j * nY, nY)); // s<t> = cell(s<t-1>, y<t-1>), log yHat<t>
            }
            Keep(t, into, SelectBest(k - finishedCount));
            (beam, next) = (next, beam);
            steps = t;
        }
        return Ranked(finishedCount > 0 ? Finished() : Kept());
    }

    /// <summary>
    /// The r candidates of highest log P(y&lt;1..t&gt;) = log P(y&lt;1..t-1&gt;) + log yHat&lt;t&gt;[y&lt;t&gt;] into <see cref="chosen"/>, best
    /// first, as a stable sort of the candidates listed partial by partial, token by token would give them: among equal
    /// log-probabilities the one listed first. Insertion into a sorted list of r, so nothing is allocated.
    /// </summary>
    private int SelectBest(int r)
    {
        int n = 0;
        for (int j = 0; j < beam.Count; j++)
        {
            for (int y = 0; y < nY; y++)
            {
                double logP = beam.LogP[j] + logProbabilities[j * nY + y]; // log P(y<1..t>) = log P(y<1..t-1>) + log yHat<t>[y<t>]
                if (n == r && logP.CompareTo(chosenLogP[n - 1]) <= 0)
                {
                    continue; // no better than the last kept, which was listed before it
                }
                int p = n < r ? n++ : r - 1;
                for (; p > 0 && chosenLogP[p - 1].CompareTo(logP) < 0; p--)
                {
                    chosen[p] = chosen[p - 1];
                    chosenLogP[p] = chosenLogP[p - 1];
                }
                chosen[p] = j * nY + y;
                chosenLogP[p] = logP;
            }
        }
        return n;
    }

    /// <summary>The chosen candidates of step t into back-pointer row t - 1; those that wrote the end token are finished, the others make the next beam.</summary>
    private void Keep(int t, int into, int count)
    {
        next.Count = 0;
        for (int i = 0; i < count; i++)
        {
            int j = chosen[i] / nY, y = chosen[i] % nY;
            parents[(t - 1) * k + i] = beam.Rank[j];
            tokens[(t - 1) * k + i] = y;
            if (y == end)
            {
                finished[finishedCount++] = (t, i, chosenLogP[i]);
            }
            else
            {
                next.Set(next.Count++, slot: into + j, previous: y, logP: chosenLogP[i], rank: i); // its state is its parent's s<t>
            }
        }
    }

    private Hypothesis[] Finished()
    {
        var results = new Hypothesis[finishedCount];
        for (int i = 0; i < finishedCount; i++)
        {
            var (step, rank, logP) = finished[i];
            results[i] = Hypothesis(step, rank, logP);
        }
        return results;
    }

    private Hypothesis[] Kept()
    {
        var results = new Hypothesis[beam.Count];
        for (int j = 0; j < beam.Count; j++)
        {
            results[j] = Hypothesis(steps, beam.Rank[j], beam.LogP[j]);
        }
        return results;
    }

    /// <summary>The output kept at <paramref name="step"/> with <paramref name="rank"/>: its tokens read back along the back-pointers.</summary>
    private Hypothesis Hypothesis(int step, int rank, double logP)
    {
        var ys = new int[step];
        for (int t = step; t >= 1; t--)
        {
            ys[t - 1] = tokens[(t - 1) * k + rank];
            rank = parents[(t - 1) * k + rank];
        }
        return new Hypothesis(ys, logP, SequenceSearch.Normalised(logP, step, alpha));
    }

    /// <summary>Sorts by descending score, stably (equal scores keep their order): an insertion sort of at most k.</summary>
    private static Hypothesis[] Ranked(Hypothesis[] results)
    {
        for (int i = 1; i < results.Length; i++)
        {
            var h = results[i];
            int p = i;
            for (; p > 0 && results[p - 1].Score.CompareTo(h.Score) < 0; p--)
            {
                results[p] = results[p - 1];
            }
            results[p] = h;
        }
        return results;
    }

    /// <summary>The partials on a beam, at most k: state slot (s&lt;t-1&gt;), y&lt;t-1&gt;, log P(y&lt;1..t-1&gt;), rank in its back-pointer row.</summary>
    private sealed class Partials(int k)
    {
        public readonly int[] Slot = new int[k], Previous = new int[k], Rank = new int[k];
        public readonly double[] LogP = new double[k];
        public int Count;

        public void Set(int j, int slot, int previous, double logP, int rank) =>
            (Slot[j], Previous[j], LogP[j], Rank[j]) = (slot, previous, logP, rank);
    }
}
