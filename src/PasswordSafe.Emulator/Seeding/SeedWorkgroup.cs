namespace PasswordSafe.Emulator;

/// <summary>A workgroup in a seed (api-v3 §6.1 names).</summary>
public sealed class SeedWorkgroup
{
    public int ID { get; set; }
    public string? Name { get; set; }
    /// <summary>Optional; a fixed GUID is used when absent.</summary>
    public string? OrganizationID { get; set; }
}
