namespace PasswordSafe;

/// <summary>
/// A Password Safe access policy (<c>GET AccessPolicies</c>, api-v3 §6.4): its schedules say which access types a
/// request may ask for, how many approvers each needs, and whether a reason or a ticket is required.
/// <c>AccessPolicyId</c> is what Grant-PSUserGroupRole -AccessPolicyId takes; a schedule's <c>ScheduleId</c> is what
/// New-PSRequest -AccessPolicyScheduleId takes.
/// </summary>
public sealed class AccessPolicy
{
    public int AccessPolicyId { get; internal set; }

    public string? Name { get; internal set; }

    public string? Description { get; internal set; }

    public AccessPolicySchedule[] Schedules { get; internal set; } = new AccessPolicySchedule[0];

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
