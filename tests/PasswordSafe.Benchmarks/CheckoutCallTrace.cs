using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// One checkout cycle with <c>-Verbose</c>, to list the HTTP calls the cmdlets make (the module logs one Verbose
/// line per call, request ids masked). This is how the report knows what to compare the plain client against.
/// </summary>
internal static class CheckoutCallTrace
{
    public static IReadOnlyList<string> Calls(ModuleRunspace runspace, object session, AccountRef account, Uri baseUri)
    {
        using var shell = runspace.Create(CheckoutScripts.Cycles, new Hashtable
        {
            ["Session"] = session,
            ["SystemId"] = account.SystemId,
            ["AccountId"] = account.AccountId,
            ["Count"] = 1,
            ["Times"] = null,
            ["Verbose"] = true,
        });
        shell.Invoke();
        ModuleRunspace.ThrowOnErrors(shell);
        // The module's call lines read "POST <url> -> 201 Created (0 ms)" (ASCII: redirected Windows PowerShell output).
        var calls = shell.Streams.Verbose
            .Select(v => v.Message)
            .Where(m => m.Contains(" -> ", StringComparison.Ordinal))
            .Select(m => m.Replace(baseUri.AbsoluteUri, string.Empty, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return calls.Count > 0
            ? calls
            : throw new InvalidOperationException("No call line in the checkout cycle's Verbose output: has the module's call line format changed?");
    }
}
