namespace PasswordSafe.Benchmarks;

/// <summary>
/// The checkout cycle as a runbook writes it: request → credential → check-in, stopping at the first error.
/// [CmdletBinding()] so the call trace can pass -Verbose.
/// </summary>
internal static class CheckoutScripts
{
    public const int DurationMinutes = 10;
    public const string Reason = "benchmark";

    /// <summary>
    /// The PSCredential's user name for Use-PSCredential, typed as a runbook that knows its account does. Without it,
    /// by ids alone, Use-PSCredential lists the request to learn the account's name: a 4th call the plain cycle,
    /// which names nothing, does not make.
    /// </summary>
    public const string UserName = "benchmark-user";

    /// <summary>
    /// Runs <c>$Count</c> cycles on one account; adds each cycle's Stopwatch ticks to <c>$Times</c> when given; outputs
    /// whether the last credential had a password, so a silently empty answer cannot pass for a fast one.
    /// </summary>
    public static string Cycles { get; } = Build("New-PSRequest", "Get-PSCredential", "Complete-PSRequest",
        "$null -ne $credential -and $credential.GetNetworkCredential().Password.Length -gt 0");

    /// <summary>
    /// The runbook pattern in one cmdlet: Use-PSCredential requests, reads the credential, runs the script block and
    /// checks in (the plain cycle's 3 calls). The block answers whether it got a password, because the credential
    /// itself is not meant to outlive the check-in.
    /// </summary>
    public static string UseCredentialCycles { get; } = $$"""
        [CmdletBinding()]
        param($Session, $SystemId, $AccountId, $Count, $Times)
        $ErrorActionPreference = 'Stop'
        $gotPassword = $null
        for ($i = 0; $i -lt $Count; $i++) {
            $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
            $gotPassword = Use-PSCredential -SystemId $SystemId -AccountId $AccountId -UserName '{{UserName}}' -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session -ScriptBlock {
                param($Credential) $Credential.GetNetworkCredential().Password.Length -gt 0
            }
            if ($null -ne $Times) { $Times.Add([System.Diagnostics.Stopwatch]::GetTimestamp() - $started) }
        }
        $gotPassword -eq $true
        """;

    /// <summary>
    /// The parallel floors: <c>$Run</c>'s plain cycle (an <see cref="AccountPlainCycle"/>) <c>$Count</c> times, inside the
    /// compiled Invoke-BenchmarkPlainCycle when <c>$InCmdlet</c>, else called as a method from the script.
    /// </summary>
    public static string PlainCycles { get; } = $$"""
        [CmdletBinding()]
        param($Session, $SystemId, $AccountId, $Count, $Times, $Run, $InCmdlet)
        $ErrorActionPreference = 'Stop'
        $gotPassword = $false
        for ($i = 0; $i -lt $Count; $i++) {
            if ($InCmdlet) {
                $gotPassword = Invoke-BenchmarkPlainCycle -Run $Run -SystemId $SystemId -AccountId $AccountId -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session
            }
            else {
                $Run.PlainCycleUntimed({{DurationMinutes}}, '{{Reason}}')
                $gotPassword = $true
            }
        }
        $gotPassword -eq $true
        """;

    /// <summary>
    /// All seven sides in one invocation, alternating in slices of <c>$SliceCycles</c> in the order <c>$Run.OrderFor</c>
    /// gives: 0 plain (3 calls), 1 the three cmdlets, 2 Use-PSCredential, 3 plain making the module's 4 calls, 4 no-op
    /// cmdlets, 5 the plain cycle inside one compiled cmdlet, 6 the plain cycle as a method call timed here (what the
    /// script's own timing and call add, without a cmdlet). Module cycles are timed here, plain cycles 0 and 3 inside
    /// <c>$Run.PlainCycle</c>; nothing between cycles is timed.
    /// </summary>
    public static string Interleaved { get; } = $$"""
        [CmdletBinding()]
        param($Session, $SystemId, $AccountId, $Slices, $SliceCycles, $Run)
        $ErrorActionPreference = 'Stop'
        for ($slice = 0; $slice -lt $Slices; $slice++) {
            foreach ($side in $Run.OrderFor($slice)) {
                $Run.BeginSlice()
                if ($side -eq 0 -or $side -eq 3) {
                    for ($i = 0; $i -lt $SliceCycles; $i++) { $Run.PlainCycle($side, $side -eq 3, {{DurationMinutes}}, '{{Reason}}') }
                }
                elseif ($side -eq 1) {
                    for ($i = 0; $i -lt $SliceCycles; $i++) {
                        $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
                        $request = New-PSRequest -SystemId $SystemId -AccountId $AccountId -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session
                        $credential = $request | Get-PSCredential -Session $Session
                        $request | Complete-PSRequest -Session $Session
                        $Run.Record(1, [System.Diagnostics.Stopwatch]::GetTimestamp() - $started)
                    }
                    $Run.Verify(1, $credential.GetNetworkCredential().Password.Length -gt 0)
                }
                elseif ($side -eq 2) {
                    for ($i = 0; $i -lt $SliceCycles; $i++) {
                        $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
                        $gotPassword = Use-PSCredential -SystemId $SystemId -AccountId $AccountId -UserName '{{UserName}}' -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session -ScriptBlock {
                            param($Credential) $Credential.GetNetworkCredential().Password.Length -gt 0
                        }
                        $Run.Record(2, [System.Diagnostics.Stopwatch]::GetTimestamp() - $started)
                    }
                    $Run.Verify(2, $gotPassword -eq $true)
                }
                elseif ($side -eq 5) {
                    for ($i = 0; $i -lt $SliceCycles; $i++) {
                        $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
                        $gotPassword = Invoke-BenchmarkPlainCycle -Run $Run -SystemId $SystemId -AccountId $AccountId -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session
                        $Run.Record(5, [System.Diagnostics.Stopwatch]::GetTimestamp() - $started)
                    }
                    $Run.Verify(5, $gotPassword -eq $true)
                }
                elseif ($side -eq 6) {
                    for ($i = 0; $i -lt $SliceCycles; $i++) {
                        $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
                        $Run.PlainCycleUntimed({{DurationMinutes}}, '{{Reason}}')
                        $Run.Record(6, [System.Diagnostics.Stopwatch]::GetTimestamp() - $started)
                    }
                    $Run.Verify(6, $true)
                }
                else {
                    for ($i = 0; $i -lt $SliceCycles; $i++) {
                        $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
                        $request = Invoke-BenchmarkNoOp -SystemId $SystemId -AccountId $AccountId -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session
                        $credential = $request | Invoke-BenchmarkNoOp -Session $Session
                        $request | Invoke-BenchmarkNoOp -Session $Session
                        $Run.Record(4, [System.Diagnostics.Stopwatch]::GetTimestamp() - $started)
                    }
                    $Run.Verify(4, $null -ne $credential)
                }
                $Run.EndSlice($side)
            }
        }
        """;

    private static string Build(string request, string credential, string checkIn, string verification) => $$"""
        [CmdletBinding()]
        param($Session, $SystemId, $AccountId, $Count, $Times)
        $ErrorActionPreference = 'Stop'
        $credential = $null
        for ($i = 0; $i -lt $Count; $i++) {
            $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
            $request = {{request}} -SystemId $SystemId -AccountId $AccountId -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session
            $credential = $request | {{credential}} -Session $Session
            $request | {{checkIn}} -Session $Session
            if ($null -ne $Times) { $Times.Add([System.Diagnostics.Stopwatch]::GetTimestamp() - $started) }
        }
        {{verification}}
        """;
}
