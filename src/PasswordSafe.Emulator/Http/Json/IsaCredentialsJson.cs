namespace PasswordSafe.Emulator.Http.Json;

/// <summary>POST ISARequests' answer (api-v3 §5.2): an object, unlike GET Credentials' bare string.</summary>
internal sealed record IsaCredentialsJson(string Credentials);
