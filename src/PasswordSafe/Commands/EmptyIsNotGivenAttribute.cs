using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// For a number parameter that validates its range and takes piped values: an empty Import-Csv cell, or a null property
/// of a piped object (a key policy's AccessTokenDuration), leaves the parameter out, as empty values do elsewhere.
/// Without it PowerShell would refuse the empty text (converted to 0) or the null as out of range before the module could
/// tell it was no value at all. It becomes a value no number converts from, which PowerShell's by-property binding skips
/// without a word; any other value passes through unchanged.
/// </summary>
internal sealed class EmptyIsNotGivenAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value == null || (value is string text && text.Trim().Length == 0) ? EmptyValue.Instance : inputData;
    }

    /// <summary>Null is what a piped object's missing value looks like: transform it too.</summary>
    public override bool TransformNullOptionalParameters => true;

    /// <summary>Named so that the one message it can reach (an empty value typed for a number) reads sensibly.</summary>
    private sealed class EmptyValue
    {
        public static readonly EmptyValue Instance = new EmptyValue();

        public override string ToString() => "(empty)";
    }
}
