using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A POST UserGroups body (api-v3 §6.5; lower-camel base keys) after its shape was checked.</summary>
internal sealed class UserGroupInput
{
    internal string GroupType { get; init; } = "BeyondInsight";
    internal string Name { get; init; } = string.Empty;
    internal string? Description { get; init; }
    internal bool IsActive { get; init; } = true;
    internal string? ForestName { get; init; }
    internal string? DomainName { get; init; }
    internal string? DistinguishedName { get; init; }
    internal string? HostName { get; init; }
    internal int? Port { get; init; }
    internal bool UseSsl { get; init; }
    internal string? BindUser { get; init; }
    internal string? BindPassword { get; init; }
    internal string? MembershipAttribute { get; init; }
    internal string? AccountAttribute { get; init; }
    internal IReadOnlyList<int> ApplicationRegistrationIds { get; init; } = [];
    internal IReadOnlyList<PermissionGrant> Permissions { get; init; } = [];
    /// <summary>SmartRuleAccess entries as §6.5 sends them: a rule and an access level (1 read only = Auditor, 2 = Requestor/Approver [I]).</summary>
    internal IReadOnlyList<(int SmartRuleId, int AccessLevelId)> SmartRuleAccess { get; init; } = [];
}
