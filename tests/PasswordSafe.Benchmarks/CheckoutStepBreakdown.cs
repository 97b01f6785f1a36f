using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Where a checkout cycle's time goes, step by step: the cmdlet script with a timestamp after each statement, and
/// the plain client timed per call. Medians over <c>cycles</c> cycles, after the main measurements (already warm).
/// </summary>
internal static class CheckoutStepBreakdown
{
    public static readonly string[] Steps = { "request (module: POST Requests + GET Requests)", "credential (GET Credentials)", "check-in (PUT Checkin)" };

    private const string StepScript = """
        param($Session, $SystemId, $AccountId, $Count, $RequestTimes, $CredentialTimes, $CheckInTimes)
        $ErrorActionPreference = 'Stop'
        for ($i = 0; $i -lt $Count; $i++) {
            $t0 = [System.Diagnostics.Stopwatch]::GetTimestamp()
            $request = New-PSRequest -SystemId $SystemId -AccountId $AccountId -DurationMinutes 10 -Reason 'benchmark' -Session $Session
            $t1 = [System.Diagnostics.Stopwatch]::GetTimestamp()
            $credential = $request | Get-PSCredential -Session $Session
            $t2 = [System.Diagnostics.Stopwatch]::GetTimestamp()
            $request | Complete-PSRequest -Session $Session
            $t3 = [System.Diagnostics.Stopwatch]::GetTimestamp()
            $RequestTimes.Add($t1 - $t0); $CredentialTimes.Add($t2 - $t1); $CheckInTimes.Add($t3 - $t2)
        }
        """;

    /// <summary>Median ms per step: (plain, module) for each of <see cref="Steps"/>.</summary>
    public static IReadOnlyList<(double PlainMs, double ModuleMs)> Measure(PlainClient plain, ModuleRunspace runspace, object session, AccountRef account, int cycles)
    {
        var module = Steps.Select(_ => new List<long>(cycles)).ToArray();
        runspace.Invoke(StepScript, new Hashtable
        {
            ["Session"] = session,
            ["SystemId"] = account.SystemId,
            ["AccountId"] = account.AccountId,
            ["Count"] = cycles,
            ["RequestTimes"] = module[0],
            ["CredentialTimes"] = module[1],
            ["CheckInTimes"] = module[2],
        });

        var plainSteps = Steps.Select(_ => new List<long>(cycles)).ToArray();
        for (var i = 0; i < cycles; i++)
        {
            var marks = new long[4];
            plain.CheckoutAsync(account, CheckoutScripts.DurationMinutes, CheckoutScripts.Reason, readRequestBack: false, marks).GetAwaiter().GetResult();
            for (var s = 0; s < 3; s++) plainSteps[s].Add(marks[s + 1] - marks[s]);
        }

        return Enumerable.Range(0, Steps.Length)
            .Select(s => (Statistics.Median(plainSteps[s].Select(Statistics.Milliseconds)), Statistics.Median(module[s].Select(Statistics.Milliseconds))))
            .ToList();
    }
}
