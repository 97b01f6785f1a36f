using System;

namespace PasswordSafe.Emulator;

/// <summary>Roles a user group holds on a smart rule's accounts (seed <c>SmartRuleAccess[].Roles</c>).</summary>
[Flags]
public enum SmartRuleRoles : byte
{
    None = 0,
    Requestor = 1,
    Approver = 2,
    RequestorApprover = Requestor | Approver,
    /// <summary>Information Systems Administrator: ISA retrieval and ISA sessions, no request lifecycle (E3, E4).</summary>
    ISA = 4,
    CredentialsManager = 8,
    /// <summary>Sees the accounts' audit; no checkout rights (GET Roles id 4).</summary>
    Auditor = 16,
}
