namespace PasswordSafe;

/// <summary>A Password Safe role that a group can hold on a smart rule (<c>GET Roles</c>).</summary>
public sealed class Role
{
    public int RoleId { get; internal set; }

    public string? Name { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
