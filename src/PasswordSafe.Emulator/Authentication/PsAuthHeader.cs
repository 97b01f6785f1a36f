namespace PasswordSafe.Emulator.Authentication;

/// <summary>B1: the parts of an <c>Authorization: PS-Auth …</c> header. ToString hides every value.</summary>
internal sealed record PsAuthHeader(string Key, string? RunAs, string? Password, string? Challenge)
{
    public override string ToString() =>
        $"PS-Auth key=***; runas={(RunAs is null ? "(none)" : "***")}; pwd={(Password is null ? "(none)" : "[***]")}; challenge={(Challenge is null ? "(none)" : "***")}";
}
