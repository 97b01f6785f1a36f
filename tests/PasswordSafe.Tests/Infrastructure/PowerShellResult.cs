using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>What one script run produced: output objects, every stream, and the host's writes.</summary>
public sealed class PowerShellResult
{
    public PowerShellResult(
        IReadOnlyList<PSObject> output,
        IReadOnlyList<ErrorRecord> errors,
        IReadOnlyList<string> warnings,
        IReadOnlyList<string> verbose,
        IReadOnlyList<string> debug,
        IReadOnlyList<string> information,
        IReadOnlyList<string> hostWrites,
        TimeSpan elapsed)
    {
        Output = output;
        Errors = errors;
        Warnings = warnings;
        Verbose = verbose;
        Debug = debug;
        Information = information;
        HostWrites = hostWrites;
        Elapsed = elapsed;
    }

    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>Non-terminating error records followed by the terminating one, if any.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<string> Debug { get; }

    public IReadOnlyList<string> Information { get; }

    public IReadOnlyList<string> HostWrites { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The single output object's base value.</summary>
    public object? SingleValue => Assert.Single(Output).BaseObject;

    /// <summary>Fails with the recorded errors when the run was not clean (makes failures readable).</summary>
    public PowerShellResult AssertSuccess()
    {
        Assert.True(Errors.Count == 0, "Expected no errors, got:\n" + string.Join("\n", Errors.Select(Describe)));
        return this;
    }

    /// <summary>Asserts exactly one error with the contract id and category and returns it.</summary>
    public ErrorRecord AssertError(string errorId, ErrorCategory category)
    {
        Assert.True(Errors.Count > 0, $"Expected error {errorId}, got none. Output: {string.Join(", ", Output)}");
        var error = Errors[0];
        Assert.True(error.FullyQualifiedErrorId.StartsWith(errorId + ",", StringComparison.Ordinal),
            $"Expected FullyQualifiedErrorId {errorId},…; got:\n" + string.Join("\n", Errors.Select(Describe)));
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(1, Errors.Count(e => e.FullyQualifiedErrorId == error.FullyQualifiedErrorId));
        return error;
    }

    /// <summary>All text a user or a transcript could see: the input to the secret scan.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var item in Output) text.AppendLine(item?.ToString());
        foreach (var error in Errors) text.AppendLine(Describe(error));
        foreach (var line in Warnings.Concat(Verbose).Concat(Debug).Concat(Information).Concat(HostWrites)) text.AppendLine(line);
        return text.ToString();
    }

    /// <summary>Everything an error record exposes: message, details, id, target, and the whole exception chain.</summary>
    public static string Describe(ErrorRecord error)
    {
        var text = new StringBuilder();
        text.AppendLine(error.ToString());
        text.AppendLine(error.FullyQualifiedErrorId);
        text.AppendLine(error.CategoryInfo.ToString());
        text.AppendLine(error.ErrorDetails?.Message);
        text.AppendLine(error.ErrorDetails?.RecommendedAction);
        text.AppendLine(error.TargetObject?.ToString());
        text.AppendLine(error.Exception?.ToString());
        for (var inner = error.Exception; inner != null; inner = inner.InnerException)
        {
            text.AppendLine(inner.Message);
            foreach (var key in inner.Data.Keys) text.AppendLine($"{key}={inner.Data[key]}");
        }

        return text.ToString();
    }
}
