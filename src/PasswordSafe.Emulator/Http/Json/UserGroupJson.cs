using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A user group as GET UserGroups returns it (api-v3 §6.5).</summary>
internal sealed record UserGroupJson(int GroupID, string Name, string? DistinguishedName, string? Description,
    string GroupType, string? AccountAttribute, IReadOnlyList<int> ApplicationRegistrationIDs, string? MembershipAttribute,
    bool IsActive)
{
    internal static UserGroupJson From(UserGroup group) => new(group.GroupId, group.Name, group.DistinguishedName,
        group.Description, group.GroupType, null, group.ApplicationRegistrationIds.Order().ToList(), null, group.IsActive);
}
