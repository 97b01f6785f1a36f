using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Tab completion for the parameters that take one of a fixed list of values and also take rows from the pipeline. They
/// do not use [ValidateSet], which would refuse an empty Import-Csv cell before the module could treat it as a value not
/// given; the list is checked before anything is sent instead (the body builders), and offered here.
/// </summary>
public sealed class ListedValueCompleter : IArgumentCompleter
{
    private static readonly Dictionary<string, string[]> Values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["ChangeFrequencyType"] = new[] { "first", "last", "xdays" },
        ["RemoteClientType"] = new[] { "None", "EPM" },
        ["Type"] = new[] { ApiRegistrationSpec.ApiKeyPolicy, ApiRegistrationSpec.ApiAccessPolicy },
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Values.TryGetValue(parameterName, out var values)
            ? values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
            : Enumerable.Empty<CompletionResult>();
    }
}
