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
            $gotPassword = Use-PSCredential -SystemId $SystemId -AccountId $AccountId -DurationMinutes {{DurationMinutes}} -Reason '{{Reason}}' -Session $Session -ScriptBlock {
                param($Credential) $Credential.GetNetworkCredential().Password.Length -gt 0
            }
            if ($null -ne $Times) { $Times.Add([System.Diagnostics.Stopwatch]::GetTimestamp() - $started) }
        }
        $gotPassword -eq $true
        """;

    /// <summary>The same script with a no-op cmdlet in each place: PowerShell's own cost per cycle.</summary>
    public static string NoOpCycles { get; } = Build("Invoke-BenchmarkNoOp", "Invoke-BenchmarkNoOp", "Invoke-BenchmarkNoOp", "$null -ne $credential");

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
