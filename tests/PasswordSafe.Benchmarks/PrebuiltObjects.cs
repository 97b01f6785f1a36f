namespace PasswordSafe.Benchmarks;

/// <summary>Objects made before a measurement, handed to <c>Write-BenchmarkObjects</c> as one value (an array parameter could be copied while binding).</summary>
public sealed class PrebuiltObjects
{
    internal PrebuiltObjects(long count)
    {
        Items = new object[count];
        for (var i = 0; i < Items.Length; i++) Items[i] = new PlainManagedAccount { AccountId = i, SystemId = i / 100 };
    }

    internal object[] Items { get; }
}
