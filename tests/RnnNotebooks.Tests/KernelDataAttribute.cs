using System.Reflection;
using RnnNotebooks;
using Xunit.Sdk;

namespace RnnNotebooks.Tests;

/// <summary>
/// Theory rows for one product kernel (named as RNNNOTEBOOKS_KERNEL names it): the kernel's name first, then
/// <see cref="Values"/>, or one row per shape of <see cref="BlasTests.Shapes"/> when there are no values.
/// When this CPU does not accelerate the kernel, its rows are reported skipped with the reason, not run on
/// another kernel or on emulated vectors.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class KernelDataAttribute : DataAttribute
{
    /// <param name="kernel">avx512, vector or rows.</param>
    /// <param name="values">The rest of each row; none: every shape of <see cref="BlasTests.Shapes"/>.</param>
    public KernelDataAttribute(string kernel, params object[] values)
    {
        Kernel = kernel;
        Values = values;
        if (!Blas.IsSupported(KernelSwitch.Parse(kernel)))
        {
            Skip = $"this CPU does not accelerate the {kernel} kernel's vectors (it would run them emulated)";
        }
    }

    /// <summary>The kernel's name.</summary>
    public string Kernel { get; }

    /// <summary>The values after the kernel's name.</summary>
    public object[] Values { get; }

    /// <inheritdoc/>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Values.Length > 0
            ? [[Kernel, .. Values]]
            : BlasTests.Shapes().Select(shape => (object[])[Kernel, .. shape]);
}
