using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// An access policy (api-v3 §6.4): one or more schedules, each saying when it is active, which access types may be
/// requested then, and what a request must give. A request is held to one schedule (see <see cref="ScheduleChoice"/>).
/// </summary>
public sealed class AccessPolicy
{
    internal AccessPolicy(int id, string name, IReadOnlyList<AccessPolicySchedule> schedules)
    {
        AccessPolicyId = id;
        Name = name;
        Schedules = schedules.OrderBy(s => s.ScheduleId).ToList();
    }

    public int AccessPolicyId { get; }
    public string Name { get; }
    public string? Description { get; internal init; }

    /// <summary>The policy's schedules, by ScheduleId.</summary>
    public IReadOnlyList<AccessPolicySchedule> Schedules { get; }

    public AccessPolicySchedule? FindSchedule(int scheduleId) => Schedules.FirstOrDefault(s => s.ScheduleId == scheduleId);

    /// <summary>Every access type some schedule allows, in enum order.</summary>
    internal IReadOnlyList<AccessType> AllowedAccessTypes =>
        Schedules.SelectMany(s => s.AccessTypes.Keys).Distinct().OrderBy(t => t).ToList();

    /// <summary>
    /// Orders policies from most to least permissive, when several grants cover one account and the most permissive
    /// applies: more access types (across all schedules) first, then fewer approvers (per type, the fewest any of its
    /// schedules asks). Windows are left out on purpose: a user's view is built once per catalog, not per moment,
    /// so which policy applies must not change with the clock; the schedule is chosen per request instead.
    /// </summary>
    internal (int, int) PermissivenessKey
    {
        get
        {
            var types = AllowedAccessTypes;
            var approvers = 0;
            foreach (var type in types)
                approvers += Schedules.Where(s => s.AccessTypes.ContainsKey(type)).Min(s => s.AccessTypes[type].MinApprovers);
            return (-types.Count, approvers);
        }
    }
}
