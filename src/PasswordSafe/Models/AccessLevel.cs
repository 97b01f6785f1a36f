namespace PasswordSafe;

/// <summary>How far a feature permission reaches, such as Read Only or Full Control (<c>GET AccessLevels</c>).</summary>
public sealed class AccessLevel
{
    public int AccessLevelId { get; internal set; }

    public string? Name { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
