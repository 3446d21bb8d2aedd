namespace RnnNotebooks;

/// <summary>
/// Something with named parameters: <see cref="RecurrentParameters"/>, <see cref="BidirectionalRnnParameters"/>,
/// <see cref="Embedding"/>. Optimisers, clipping and weight files (<see cref="ParameterFiles"/>) all go through
/// <see cref="Tensors"/>, so a model made of several pieces concatenates their lists.
/// </summary>
public interface IParameterSet
{
    /// <summary>Every parameter with its name and shape, live storage in a fixed order.</summary>
    IReadOnlyList<ParameterView> Tensors { get; }
}
