namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A workgroup (api-v3 §6.1).</summary>
internal sealed record WorkgroupJson(string OrganizationID, int ID, string Name)
{
    internal static WorkgroupJson From(Workgroup workgroup) => new(workgroup.OrganizationId, workgroup.Id, workgroup.Name);
}
