using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// A large, deterministic data set added to the seed: ManagedSystems × AccountsPerSystem API-enabled accounts
/// (capped at MaxAccounts when set), one smart rule over them, an auto-approve policy, and a role for GroupIDs.
/// </summary>
public sealed class SeedGenerate
{
    public int ManagedSystems { get; set; }
    public int AccountsPerSystem { get; set; } = 100;
    public int? MaxAccounts { get; set; }
    /// <summary>Groups that get the role; absent: every group of the seed.</summary>
    public List<int>? GroupIDs { get; set; }
    /// <summary>Absent: Requestor.</summary>
    public List<SmartRuleRoles>? Roles { get; set; }
}
