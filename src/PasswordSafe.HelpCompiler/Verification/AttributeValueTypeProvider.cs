using System;
using System.Reflection.Metadata;

namespace PasswordSafe.HelpCompiler.Verification;

/// <summary>
/// Lets System.Reflection.Metadata decode attribute arguments without loading referenced assemblies.
/// Types are reduced to their names; every enum (ConfirmImpact, …) is decoded as its int value.
/// </summary>
internal sealed class AttributeValueTypeProvider : ICustomAttributeTypeProvider<string>
{
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetSystemType() => "System.Type";

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var definition = reader.GetTypeDefinition(handle);
        return reader.GetString(definition.Namespace) + "." + reader.GetString(definition.Name);
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var reference = reader.GetTypeReference(handle);
        return reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name);
    }

    public string GetTypeFromSerializedName(string name) => name;

    public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

    public bool IsSystemType(string type) => type == "System.Type";
}
