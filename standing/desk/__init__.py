"""The reviewer's desk: claims on cases (appeals, screening hits) and internal notes."""
