namespace RnnNotebooks;

/// <summary>Names a part's parameters (or gradients) after the part they belong to: "encoder.Waa", "decoder.dWya".</summary>
internal static class PrefixedViews
{
    /// <summary>The views with "prefix." before each name.</summary>
    public static IEnumerable<ParameterView> Of(string prefix, IReadOnlyList<ParameterView> views) =>
        views.Select(view => view with { Name = NamedTensor.Join(prefix, view.Name) });
}
