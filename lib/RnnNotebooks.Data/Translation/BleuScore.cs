namespace RnnNotebooks.Data;

/// <summary>Corpus BLEU and its parts.</summary>
/// <param name="Score">BLEU = BP exp(sum_n log p_n / 4), times 100 (0 .. 100), as sacreBLEU reports it.</param>
/// <param name="Precisions">p_1 .. p_4: clipped n-gram matches over candidate n-grams, summed over the corpus (0 .. 1).</param>
/// <param name="BrevityPenalty">BP = 1 if c &gt; r, else exp(1 - r / c).</param>
/// <param name="CandidateLength">c, the candidates' tokens summed over the corpus.</param>
/// <param name="ReferenceLength">r, for each sentence the reference length closest to its candidate's (the shorter on a tie), summed.</param>
public sealed record BleuScore(double Score, IReadOnlyList<double> Precisions, double BrevityPenalty, int CandidateLength, int ReferenceLength);
