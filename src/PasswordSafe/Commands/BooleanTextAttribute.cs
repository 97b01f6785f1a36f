using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// Lets a switch or Boolean parameter take the text a CSV cell holds (True/False, 1/0, Yes/No), which PowerShell's
/// binder refuses for Boolean parameters; other text is an error naming the value. Values that are not text, and empty
/// cells (a value not given), pass through unchanged.
/// </summary>
internal sealed class BooleanTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (!(value is string text) || text.Trim().Length == 0)
        {
            return inputData;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE":
            case "$TRUE":
            case "1":
            case "YES":
                return true;
            case "FALSE":
            case "$FALSE":
            case "0":
            case "NO":
                return false;
            default:
                throw new ArgumentTransformationMetadataException($"'{text}' is not True or False: write True or False, 1 or 0, Yes or No.");
        }
    }
}
