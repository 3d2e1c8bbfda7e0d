namespace Warehouse.Import.Validation;

/// <summary>Why a cell, row or file was rejected. The names are the stable codes of the reject report.</summary>
public enum RejectCode
{
    /// <summary>The file cannot be read (not xlsx/csv, damaged, empty).</summary>
    BadFile,
    /// <summary>A sheet or file whose name matches no importable entity.</summary>
    UnknownSheet,
    /// <summary>A required column is missing from the header row.</summary>
    MissingColumn,
    /// <summary>A header that maps to no column (reported once, the column is ignored).</summary>
    UnknownColumn,
    Required,
    BadNumber,
    OutOfRange,
    BadMoney,
    MoneyPrecision,
    BadDate,
    BadFlag,
    NotInVocabulary,
    TooLong,
    BadIdNumber,
    IdCheckDigit,
    IdBirthMismatch,
    BadRegionCode,
    RegionNotFound,
    RegionWrongLevel,
    ReferenceNotFound,
    ReferenceRejected,
    ReferenceMismatch,
    DuplicateKey,
    DuplicateValue,
}
