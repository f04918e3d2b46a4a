// Original file: exchange.proto

export interface ListOffers {}

export interface ListOffers__Output {}
